package org.liandong.identity;

import java.time.Instant;

/** An account's second factor: bound since when, required by its roles, recovery codes left unused. */
public record SecondFactorStatus(String username, String displayName, boolean enrolled, Instant enrolledAt,
		boolean mandatory, int recoveryCodesLeft) {
}
