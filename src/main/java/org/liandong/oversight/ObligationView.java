package org.liandong.oversight;

import java.time.Instant;

/**
 * One obligation of the ledger (R7.1): what is owed, by whom, by when, and what became of it.
 *
 * @param overdueAt when the ledger found it missed (and escalated it to the city bureau); null if never
 */
public record ObligationView(long id, String subjectType, long subjectId, String subjectName, String obligation,
		String ownerAgencyCode, String ownerAgencyName, String cityAgencyCode, String link, Instant openedAt,
		Instant dueAt, ObligationState state, Instant settledAt, Instant remindedAt, Instant overdueAt) {

	/** Open and past its due instant. */
	public boolean overdueAt(Instant now) {
		return state == ObligationState.OPEN && dueAt.isBefore(now);
	}

	/** Met after its due instant. */
	public boolean late() {
		return state == ObligationState.MET && settledAt != null && settledAt.isAfter(dueAt);
	}
}
