package org.liandong.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An inspection as a line of a list: who inspected whom, when, the score, and how much is still to rectify. */
public record InspectionSummary(long id, InspectionKind kind, String title, String inspectingAgencyName,
		String inspectedAgencyCode, String inspectedAgencyName, LocalDate inspectedOn, BigDecimal totalScore,
		BigDecimal maxScore, int rectifications, int openRectifications) {
}
