package org.liandong.platform;

import java.time.Instant;

/**
 * An obligation of {@link ObligationDue} ended: met (on time or late, the ledger compares with the
 * due instant), or no longer owed (the request was withdrawn, the meeting cancelled).
 *
 * @param met {@code true} when the owner did what was owed; {@code false} when it is no longer owed
 * @param link the page the obligation was opened with, where the module knows it: the ledger then settles
 *        it without reading it first (issue 18); {@code null} has the ledger read it
 */
public record ObligationSettled(String subjectType, long subjectId, String obligation, String ownerAgencyCode,
		Instant settledAt, boolean met, String link) {

	public ObligationSettled(String subjectType, long subjectId, String obligation, String ownerAgencyCode,
			Instant settledAt, boolean met) {
		this(subjectType, subjectId, obligation, ownerAgencyCode, settledAt, met, null);
	}
}
