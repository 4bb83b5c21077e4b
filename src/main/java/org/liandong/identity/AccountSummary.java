package org.liandong.identity;

import java.time.Instant;
import java.util.List;

/** A user account as administrators see it; the mobile number is masked. */
public record AccountSummary(String username, String displayName, String agencyCode, String agencyName,
		List<Role> roles, String title, String officePhone, String maskedMobile, String email, boolean enabled,
		Instant lockedUntil, int failedAttempts, boolean mustChangePassword, long version) {

	public AccountSummary withRoles(List<Role> granted) {
		return new AccountSummary(username, displayName, agencyCode, agencyName, granted.stream().sorted().toList(), title,
				officePhone, maskedMobile, email, enabled, lockedUntil, failedAttempts, mustChangePassword, version);
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
