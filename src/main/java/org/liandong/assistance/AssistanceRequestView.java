package org.liandong.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An assistance request with its full history (R2.4). {@code number} is the document number of
 * the latest letter (null while a draft); {@code acceptDueAt} and {@code answerDueAt} are set when
 * it is sent; {@code acceptOverdue} and {@code answerOverdue} say whether a deadline was missed.
 * {@code deadlineAgreementId} is the agreement in force between the two bureaus whose commitments set
 * the deadlines (R3.2), if any. {@code actions} are the transitions the reader may make now ({@code send} goes through the
 * leader's sign-off where the bureau's policy asks for one, issue 23).
 */
public record AssistanceRequestView(long id, String number, RequestState state, long caseId, String caseNumber,
		String requesterAgencyCode, String requesterAgencyName, String assistingAgencyCode,
		String assistingAgencyName, String matters, String legalBasis, LocalDate answerBy, Instant sentAt,
		Instant acceptDueAt, Instant answerDueAt, boolean acceptOverdue, boolean answerOverdue, String deadlineBasis,
		Long deadlineAgreementId,
		ReturnReason returnReason, String returnText, String answer, String supplementRequest, Instant acceptedAt,
		Instant answeredAt, Instant confirmedAt, Rating rating, String createdByName, Instant createdAt, long version,
		List<RequestAction> actions, List<HistoryEntry> history, List<AttachmentView> attachments,
		List<LetterView> letters, SignOff signOff) {

	/**
	 * The leader's sign-off of the letter (issue 23), null for a request never submitted for one.
	 *
	 * @param reviewedByName the legal officer who agreed with the letter before the sign-off, where the bureau asks for a review
	 * @param draftLetter the letter as it would be issued now, shown to the requesting bureau while it waits
	 * @param sentBackText the leader's comments when the letter was last sent back for revision
	 */
	public record SignOff(String submittedByName, Instant submittedAt, String reviewedByName, Instant reviewedAt,
			String signedOffByName, Instant signedOffAt, String sentBackText,
			org.liandong.documents.LetterDraft draftLetter) {

		public SignOff withDraft(org.liandong.documents.LetterDraft draft) {
			return new SignOff(submittedByName, submittedAt, reviewedByName, reviewedAt, signedOffByName, signedOffAt,
					sentBackText, draft);
		}
	}

	public AssistanceRequestView withDraftLetter(org.liandong.documents.LetterDraft draft) {
		return new AssistanceRequestView(id, number, state, caseId, caseNumber, requesterAgencyCode, requesterAgencyName,
				assistingAgencyCode, assistingAgencyName, matters, legalBasis, answerBy, sentAt, acceptDueAt, answerDueAt,
				acceptOverdue, answerOverdue, deadlineBasis, deadlineAgreementId, returnReason, returnText, answer,
				supplementRequest, acceptedAt, answeredAt, confirmedAt, rating, createdByName, createdAt, version, actions,
				history, attachments, letters, signOff == null ? null : signOff.withDraft(draft));
	}

	/** The requester's rating of the answer when confirming it, each from 1 to 5. */
	public record Rating(int timeliness, int quality) {
	}

	public record HistoryEntry(Instant at, String actorName, String actorAgency, String action, String detail) {
	}

	/** A formal document issued for the request: the letter of each sending, a return notice. */
	public record LetterView(long documentId, String number, String kindLabel, Instant issuedAt) {
	}
}
