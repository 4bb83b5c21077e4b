package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A city's year-end evaluation of its bureaus (R8.2): each bureau's points per indicator, from the
 * records that produced them, less accountability deductions, and the ranking.
 *
 * @param provisional the year has not ended: only what fell due so far counts, and the result may change
 * @param reportDocumentId the official report once issued (after the year ended), else null
 */
public record Evaluation(int year, String cityAgencyCode, String cityAgencyName, boolean provisional, Instant asOf,
		List<Weight> weights, List<BureauScore> ranking, Long reportDocumentId) {

	/** An indicator and its points out of 100. */
	public record Weight(String indicator, String label, int points) {
	}

	/**
	 * A bureau's result.
	 *
	 * @param rank equal totals share a rank
	 */
	public record BureauScore(int rank, String agencyCode, String agencyName, List<IndicatorScore> indicators,
			double deduction, List<Long> accountabilityRecordIds, double total) {
	}

	/**
	 * Points earned on one indicator, with what they were computed from.
	 *
	 * @param counted the records counted (obligations due, or inspections)
	 * @param achieved of those, the ones that earn points (met on time, met, or the inspection score sum)
	 * @param rate achieved over counted in percent; null when nothing was counted (the points are then full)
	 * @param records where the counted records are listed
	 */
	public record IndicatorScore(String indicator, String label, int weight, long counted, double achieved, Double rate,
			double points, String records) {
	}
}
