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
		return new ObligationSettled(subjectType(obligation), subjectId, obligation.label(), owner, at, met,
				link(obligation, subjectId));
	}

	/*
	 * The waiting states in which the bureau that waits is the one to act (issue 21): the city's legal
	 * office designating a reported major case, the requester confirming an answer. The ledger reminds
	 * and escalates them like the others; the module finds no misses of its own for them.
	 */

	static final String DESIGNATE = "指定管辖";

	static final String CONFIRM_ANSWER = "确认协查答复";

	/** A leader of the requesting bureau signing its letter off (issue 23). */
	static final String SIGN_OFF_LETTER = "签发协助调查函";

	static ObligationDue signOffDue(long requestId, String caseNumber, String requester, Instant dueAt) {
		return new ObligationDue(AssistanceService.SOURCE, requestId, "协查函（案件 %s）".formatted(caseNumber),
				SIGN_OFF_LETTER, requester, dueAt, "/assistance/" + requestId);
	}

	/** A legal officer of the requesting bureau reviewing its letter before the sign-off (issue 23). */
	static final String REVIEW_LETTER = "审核协助调查函";

	static ObligationDue reviewDue(long requestId, String caseNumber, String requester, Instant dueAt) {
		return new ObligationDue(AssistanceService.SOURCE, requestId, "协查函（案件 %s）".formatted(caseNumber),
				REVIEW_LETTER, requester, dueAt, "/assistance/" + requestId);
	}

	/** Met by an agreement or a sending back alike; a withdrawal ends it unmet. */
	static ObligationSettled reviewSettled(long requestId, String requester, Instant at, boolean met) {
		return new ObligationSettled(AssistanceService.SOURCE, requestId, REVIEW_LETTER, requester, at, met);
	}

	/** Met by a sign-off or a sending back alike; a withdrawal ends it unmet. */
	static ObligationSettled signOffSettled(long requestId, String requester, Instant at, boolean met) {
		return new ObligationSettled(AssistanceService.SOURCE, requestId, SIGN_OFF_LETTER, requester, at, met);
	}

	/** A leader of the city bureau signing off the legal office's designation notice (issue 23). */
	static final String SIGN_OFF_DESIGNATION = "签发指定管辖通知";

	static ObligationDue designationSignOffDue(long reportId, String caseNumber, String city, Instant dueAt) {
		return new ObligationDue(MajorCaseService.SOURCE, reportId, caseNumber, SIGN_OFF_DESIGNATION, city, dueAt,
				"/major-reports/" + reportId);
	}

	/** Met by a sign-off or a sending back alike. */
	static ObligationSettled designationSignOffSettled(long reportId, String city, Instant at, boolean met) {
		return new ObligationSettled(MajorCaseService.SOURCE, reportId, SIGN_OFF_DESIGNATION, city, at, met);
	}

	/** A leader of the city bureau signing off a dispatch notice the detachment drafted (issue 23). */
	static final String SIGN_OFF_DISPATCH = "签发督办通知";

	static ObligationDue dispatchSignOffDue(long dispatchId, String caseNumber, String city, Instant dueAt) {
		return new ObligationDue(DispatchService.SOURCE, dispatchId, "督办（案件 %s）".formatted(caseNumber),
				SIGN_OFF_DISPATCH, city, dueAt, "/dispatches/" + dispatchId);
	}

	/** Met by a sign-off or a sending back alike. */
	static ObligationSettled dispatchSignOffSettled(long dispatchId, String city, Instant at) {
		return new ObligationSettled(DispatchService.SOURCE, dispatchId, SIGN_OFF_DISPATCH, city, at, true);
	}

	static ObligationDue designationDue(long reportId, String caseNumber, String city, Instant dueAt) {
		return new ObligationDue(MajorCaseService.SOURCE, reportId, caseNumber, DESIGNATE, city, dueAt,
				"/major-reports/" + reportId);
	}

	/** Met by a designation or a reasoned decline alike: either answers the report. */
	static ObligationSettled designationSettled(long reportId, String city, Instant at) {
		return new ObligationSettled(MajorCaseService.SOURCE, reportId, DESIGNATE, city, at, true);
	}

	static ObligationDue confirmationDue(long requestId, String number, String requester, Instant dueAt) {
		return new ObligationDue(AssistanceService.SOURCE, requestId, number, CONFIRM_ANSWER, requester, dueAt,
				"/assistance/" + requestId);
	}

	/** Met by a confirmation or by asking for a supplement: either is the requester's answer. */
	static ObligationSettled confirmationSettled(long requestId, String requester, Instant at) {
		return new ObligationSettled(AssistanceService.SOURCE, requestId, CONFIRM_ANSWER, requester, at, true,
				"/assistance/" + requestId);
	}
}
