package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * An accountability record against a unit (R7.2) with the conduct records it rests on and, once
 * decided, the decision, measures and deduction.
 */
public record AccountabilityView(long id, String cityAgencyCode, String agencyCode, String agencyName, String facts,
		AccountabilityState state, Instant openedAt, String openedByName, String decision,
		List<AccountabilityMeasure> measures, String otherMeasure, Integer deduction, Instant decidedAt,
		String decidedByName, long version, List<Conduct> conduct) {

	/**
	 * A conduct record of the ledger: shirking or passive handling recorded against the unit.
	 *
	 * @param kind {@code OVERDUE}, {@code UNEXPLAINED_RETURN} or {@code REPEATED_DELAY}
	 */
	public record Conduct(long id, String agencyCode, String kind, String kindLabel, String subjectType, long subjectId,
			String subjectName, String detail, Instant recordedAt) {
	}

	/** The measures in words, 其他 replaced by what it means: 通报批评、约谈、停止执法资格一年. */
	public String measuresText() {
		return measures.stream()
			.map(m -> m == AccountabilityMeasure.OTHER && otherMeasure != null ? otherMeasure : m.label())
			.reduce((a, b) -> a + "、" + b)
			.orElse("");
	}
}
