package org.liandong.assistance;

import java.time.Instant;

import org.liandong.documents.LetterDraft;

/**
 * A dispatch with its notice number, deadline and the bureau's report; where the city's dispatch notices
 * need its leader's sign-off (issue 23), who signed it off, or the leader's comments and, while it waits,
 * the notice as it would be issued (for the city bureau and its offices only). Unnumbered until signed off.
 */
public record DispatchView(long id, String number, long documentId, long caseId, String caseNumber,
		String fromAgencyCode, String fromAgencyName, String agencyCode, String agencyName, String instruction,
		Instant dueAt, DispatchState state, boolean overdue, String report, Instant reportedAt, String reportedByName,
		Instant closedAt, Instant issuedAt, String issuedByName, long version, String signedOffByName,
		Instant signedOffAt, String sentBackText, LetterDraft draftNotice) {

	public DispatchView withDraftNotice(LetterDraft draft) {
		return new DispatchView(id, number, documentId, caseId, caseNumber, fromAgencyCode, fromAgencyName, agencyCode,
				agencyName, instruction, dueAt, state, overdue, report, reportedAt, reportedByName, closedAt, issuedAt,
				issuedByName, version, signedOffByName, signedOffAt, sentBackText, draft);
	}
}
