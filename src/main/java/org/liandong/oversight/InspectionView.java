package org.liandong.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded inspection with its checklist, score, findings and rectification items (R8.1, R2.6).
 *
 * @param inspectingAgencyCode the city agency of the inspectors (supervision) or the inspecting bureau (mutual)
 * @param campaignId the mutual inspection campaign, {@code null} for a supervision inspection
 */
public record InspectionView(long id, InspectionKind kind, String title, Long campaignId, String cityAgencyCode,
		String inspectingAgencyCode, String inspectingAgencyName, String inspectedAgencyCode, String inspectedAgencyName,
		LocalDate inspectedOn, List<String> inspectors, List<Item> checklist, BigDecimal totalScore,
		BigDecimal maxScore, String findings, Instant recordedAt, String recordedByName,
		List<RectificationView> rectifications) {

	public record Item(String name, BigDecimal maxScore, BigDecimal score) {
	}
}
