package org.liandong.assistance;

import java.time.Instant;

/** One line of the legal office's queue. */
public record MajorReportSummary(long id, long caseId, String caseNumber, String reportingAgencyCode,
		String reportingAgencyName, MajorReportState state, Instant reportedAt, String reportedByName) {
}
