package org.liandong.operations;

import java.time.LocalDate;

/** A line of the list of operations. */
public record JointOperationSummary(long id, String theme, LocalDate startsOn, LocalDate endsOn,
		JointOperationState state, String stateLabel, String organiserAgencyCode, String organiserName,
		String leadAgencyName, int units, int targets, int inspected) {
}
