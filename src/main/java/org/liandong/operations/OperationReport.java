package org.liandong.operations;

import java.util.List;

/**
 * The figures of an operation's summary report (通报): targets inspected, hazards by level and cases
 * opened, in total and by unit; once concluded, the report's document.
 */
public record OperationReport(long operationId, String theme, int targets, int inspected, int generalHazards,
		int majorHazards, int cases, List<UnitCount> byUnit, Long summaryDocumentId, String summaryNumber,
		String summarySignedOffByName, SummarySignOff summarySignOff) {

	/**
	 * Where the organiser's summaries need its leader's sign-off (issue 23): the organiser's conclusion waiting
	 * (with the report as it would be issued now) or sent back with the leader's comments. For the organising
	 * bureau only; the other units see nothing of it before it is issued.
	 */
	public record SummarySignOff(boolean awaiting, String remarks, String draftedByName, java.time.Instant draftedAt,
			String sentBackText, org.liandong.documents.LetterDraft draft) {
	}

	public OperationReport withSummarySignOff(SummarySignOff signOff) {
		return new OperationReport(operationId, theme, targets, inspected, generalHazards, majorHazards, cases, byUnit,
				summaryDocumentId, summaryNumber, summarySignedOffByName, signOff);
	}

	/**
	 * One unit's part: the targets of the teams it answers for, the records its people wrote, the
	 * hazards they found and the cases opened for them.
	 */
	public record UnitCount(String agencyCode, String agencyName, int targetsAssigned, int inspected,
			int generalHazards, int majorHazards, int cases) {
	}
}
