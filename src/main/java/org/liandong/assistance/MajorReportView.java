package org.liandong.assistance;

import java.time.Instant;
import java.util.List;

import org.liandong.cases.ParticipantRole;
import org.liandong.documents.LetterDraft;

/**
 * A major-case report and, once the legal office decided, its designation (R2.5); where the city's
 * designation notices need its leader's sign-off (issue 23), the designation waiting for it.
 */
public record MajorReportView(long id, long caseId, String caseNumber, String reportingAgencyCode,
		String reportingAgencyName, String facts, MajorReportState state, String declineReason, Instant reportedAt,
		String reportedByName, Instant decidedAt, String decidedByName, long version, Designation designation,
		SignOff signOff) {

	/** The formal notice (with its document number) and each designated agency's task. */
	public record Designation(long id, String number, long documentId, String instructions, Instant designatedAt,
			String designatedByName, String signedOffByName, Instant signedOffAt, List<Task> tasks) {
	}

	public record Task(String agencyCode, String agencyName, ParticipantRole role, String task, Instant dueAt,
			Instant reportedAt, String reportText, String reportedByName, boolean overdue) {
	}

	/**
	 * The designation's way to the leader's sign-off, for the city bureau and its offices: who drafted it and
	 * when, the notice as it would be issued (unnumbered, unsealed), and the leader's comments of the last
	 * sending back. Only the comments are kept once the draft is gone.
	 */
	public record SignOff(String draftedByName, Instant draftedAt, LetterDraft draftNotice, String sentBackText) {
	}

	public MajorReportView withSignOff(SignOff signOff) {
		return new MajorReportView(id, caseId, caseNumber, reportingAgencyCode, reportingAgencyName, facts, state,
				declineReason, reportedAt, reportedByName, decidedAt, decidedByName, version, designation, signOff);
	}
}
