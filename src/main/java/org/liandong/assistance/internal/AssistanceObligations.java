package org.liandong.assistance.internal;

import java.time.Instant;

import org.liandong.assistance.ObligationOverdue;
import org.liandong.assistance.ObligationOverdue.Obligation;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;

/**
 * The obligations of the assistance mechanism as oversight's ledger knows them (R7.1): which subject
 * each is about and on which page its owner meets it. The events that open and end an obligation
 * and its {@link ObligationOverdue} take their names from here, so that the ledger can match them.
 */
final class AssistanceObligations {

	private AssistanceObligations() {
	}

	static String subjectType(Obligation obligation) {
		return switch (obligation) {
			case ACCEPT_REQUEST, ANSWER_REQUEST -> AssistanceService.SOURCE;
			case ACT_ON_DISPATCH -> DispatchService.SOURCE;
			case DESIGNATED_TASK -> "designation";
		};
	}

	/** A designated task is named after its major-case report, where the designation is shown. */
	static String link(Obligation obligation, long subjectId) {
		return switch (obligation) {
			case ACCEPT_REQUEST, ANSWER_REQUEST -> "/assistance/" + subjectId;
			case ACT_ON_DISPATCH -> "/dispatches/" + subjectId;
			case DESIGNATED_TASK -> "/major-reports/" + subjectId;
		};
	}

	static ObligationDue due(Obligation obligation, long subjectId, String subjectName, String owner, Instant dueAt) {
		return new ObligationDue(subjectType(obligation), subjectId, subjectName, obligation.label(), owner, dueAt,
				link(obligation, subjectId));
	}

	static ObligationSettled settled(Obligation obligation, long subjectId, String owner, Instant at, boolean met) {
		return new ObligationSettled(subjectType(obligation), subjectId, obligation.label(), owner, at, met);
	}
}
