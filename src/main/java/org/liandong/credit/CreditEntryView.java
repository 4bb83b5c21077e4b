package org.liandong.credit;

import java.time.Instant;

/** An entry of the dishonest list with its procedure: notice, defence, decision, publication, repair. */
public record CreditEntryView(long id, String subjectUscc, String subjectName, long caseId, String caseNumber,
		String proposingAgencyCode, String proposingAgencyName, String decidingAgencyCode, String facts, String legalBasis, EntryState state,
		String noticeNumber, long noticeDocumentId, Instant notifiedAt, Instant defenceDueAt, String defenceStatement,
		Instant defenceRecordedAt, String decisionNumber, Long decisionDocumentId, Instant decidedAt,
		String decisionReason, Instant publishedUntil, Instant repairEligibleFrom, String repairNumber,
		Long repairDocumentId, Instant repairedAt, String repairReason, long version) {

	/** On the public list now: decided, and its publication period not over. */
	public boolean publishedAt(Instant now) {
		return state == EntryState.PUBLISHED && publishedUntil != null && publishedUntil.isAfter(now);
	}
}
