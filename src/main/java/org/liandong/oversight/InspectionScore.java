package org.liandong.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One inspection's result for the year-end evaluation (R8.2): whom, how, when, and the score out of the maximum. */
public record InspectionScore(long inspectionId, String inspectedAgencyCode, InspectionKind kind, LocalDate inspectedOn,
		BigDecimal totalScore, BigDecimal maxScore) {
}
