package org.liandong.identity;

/** The security administrator lifted a lockout. */
public record AccountUnlocked(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "ACCOUNT_UNLOCKED";
	}

	@Override
	public String auditDetail() {
		return "解除账户锁定";
	}
}
