package org.liandong.assistance;

import java.time.Instant;

/** One line of a bureau's incoming or outgoing requests, with its clocks. */
public record AssistanceRequestSummary(long id, String number, RequestState state, long caseId, String caseNumber,
		String requesterAgencyCode, String requesterAgencyName, String assistingAgencyCode,
		String assistingAgencyName, Instant sentAt, Instant acceptDueAt, Instant answerDueAt, boolean overdue) {
}
