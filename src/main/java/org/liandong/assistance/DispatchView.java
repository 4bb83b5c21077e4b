package org.liandong.assistance;

import java.time.Instant;

/** A dispatch with its notice number, deadline and the bureau's report. */
public record DispatchView(long id, String number, long documentId, long caseId, String caseNumber,
		String fromAgencyCode, String fromAgencyName, String agencyCode, String agencyName, String instruction,
		Instant dueAt, DispatchState state, boolean overdue, String report, Instant reportedAt, String reportedByName,
		Instant closedAt, Instant issuedAt, String issuedByName, long version) {
}
