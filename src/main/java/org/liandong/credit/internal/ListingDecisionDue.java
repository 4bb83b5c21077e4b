package org.liandong.credit.internal;

import static org.liandong.credit.internal.CreditService.SOURCE;

import java.time.Instant;

import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;

/**
 * The city bureau's obligation to decide on a listing proposal (R4.2, R7.1, issue 21): owed from the
 * notice, due a configurable number of working days after the defence period ends, met by the
 * decision whichever way it goes.
 */
final class ListingDecisionDue {

	static final String OBLIGATION = "作出列入决定";

	private ListingDecisionDue() {
	}

	static ObligationDue due(long entryId, String subjectName, String decidingAgency, Instant dueAt) {
		return new ObligationDue(SOURCE, entryId, subjectName, OBLIGATION, decidingAgency, dueAt,
				"/credit/entries/" + entryId);
	}

	static ObligationSettled decided(long entryId, String decidingAgency, Instant at) {
		return new ObligationSettled(SOURCE, entryId, OBLIGATION, decidingAgency, at, true);
	}
}
