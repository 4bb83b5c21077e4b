package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A city's year-end evaluation of its bureaus (R8.2): each bureau's points per indicator, from the
 * records that produced them, less accountability deductions, and the ranking.
 *
 * @param provisional the year has not ended: only what fell due so far counts, and the result may change
 * @param reportDocumentId the official report once issued (after the year ended), else null
 * @param reportSignOff where the city's report needs its leader's sign-off (issue 23): the report submitted
 *        for it and not yet issued, or sent back; for the city bureau and its offices only, else null
 */
public record Evaluation(int year, String cityAgencyCode, String cityAgencyName, boolean provisional, Instant asOf,
		List<Weight> weights, List<BureauScore> ranking, Long reportDocumentId, ReportSignOff reportSignOff) {

	/**
	 * The report on its way to the leader's sign-off: who submitted it and when, and either the report as it
	 * would be issued now (awaiting) or the leader's comments (sent back).
	 */
	public Evaluation withReportSignOff(ReportSignOff signOff) {
		return new Evaluation(year, cityAgencyCode, cityAgencyName, provisional, asOf, weights, ranking, reportDocumentId,
				signOff);
	}

	public record ReportSignOff(boolean awaiting, String submittedByName, Instant submittedAt, String sentBackText,
			org.liandong.documents.LetterDraft draft) {
	}

	/** An indicator and its points out of 100. */
	public record Weight(String indicator, String label, int points) {
	}

	/**
	 * A bureau's result.
	 *
	 * @param rank equal totals share a rank; null when nothing of the bureau's was measured (not ranked)
	 * @param measuredWeight the weights of the indicators on which something was measured: the points
	 *        earned on them are taken out of this, as a score out of 100
	 * @param total the points earned out of the measured weight, as a score out of 100, less the
	 *        deductions; null when nothing was measured (无可考评事项)
	 */
	public record BureauScore(Integer rank, String agencyCode, String agencyName, List<IndicatorScore> indicators,
			double deduction, List<Long> accountabilityRecordIds, int measuredWeight, Double total) {

		public boolean measured() {
			return total != null;
		}
	}

	/**
	 * Points earned on one indicator, with what they were computed from.
	 *
	 * @param counted the records counted: obligations settled in the year (met, met late, or missed at
	 *        their deadline), or inspections
	 * @param achieved of those, the ones that earn points (met on time, met, or the inspection score sum)
	 * @param rate achieved over counted in percent; null when nothing was counted
	 * @param points the weight times the rate; null when nothing was counted (无可考评事项: neither full
	 *        points nor none, the indicator is left out of the bureau's score)
	 * @param records where the counted records are listed
	 */
	public record IndicatorScore(String indicator, String label, int weight, long counted, double achieved, Double rate,
			Double points, String records) {

		public boolean measured() {
			return points != null;
		}
	}
}
