package org.liandong.operations;

import java.util.List;

/**
 * The figures of an operation's summary report (通报): targets inspected, hazards by level and cases
 * opened, in total and by unit; once concluded, the report's document.
 */
public record OperationReport(long operationId, String theme, int targets, int inspected, int generalHazards,
		int majorHazards, int cases, List<UnitCount> byUnit, Long summaryDocumentId, String summaryNumber) {

	/**
	 * One unit's part: the targets of the teams it answers for, the records its people wrote, the
	 * hazards they found and the cases opened for them.
	 */
	public record UnitCount(String agencyCode, String agencyName, int targetsAssigned, int inspected,
			int generalHazards, int majorHazards, int cases) {
	}
}
