package org.liandong.platform;

import java.time.Instant;

/**
 * An obligation of {@link ObligationDue} ended: met (on time or late, the ledger compares with the
 * due instant), or no longer owed (the request was withdrawn, the meeting cancelled).
 *
 * @param met {@code true} when the owner did what was owed; {@code false} when it is no longer owed
 */
public record ObligationSettled(String subjectType, long subjectId, String obligation, String ownerAgencyCode,
		Instant settledAt, boolean met) {
}
