package org.liandong.assistance;

import java.time.Instant;
import java.util.List;

import org.liandong.cases.ParticipantRole;

/** A major-case report and, once the legal office decided, its designation (R2.5). */
public record MajorReportView(long id, long caseId, String caseNumber, String reportingAgencyCode,
		String reportingAgencyName, String facts, MajorReportState state, String declineReason, Instant reportedAt,
		String reportedByName, Instant decidedAt, String decidedByName, long version, Designation designation) {

	/** The formal notice (with its document number) and each designated agency's task. */
	public record Designation(long id, String number, long documentId, String instructions, Instant designatedAt,
			String designatedByName, List<Task> tasks) {
	}

	public record Task(String agencyCode, String agencyName, ParticipantRole role, String task, Instant dueAt,
			Instant reportedAt, String reportText, String reportedByName, boolean overdue) {
	}
}
