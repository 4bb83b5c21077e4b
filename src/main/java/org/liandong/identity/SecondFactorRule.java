package org.liandong.identity;

import java.time.Instant;

/** Whether a role must sign in with a second factor; who last changed that and when. */
public record SecondFactorRule(Role role, String roleLabel, boolean mandatory, Instant changedAt, String changedBy) {
}
