package org.liandong.assistance;

/**
 * How a bureau handled the assistance requests sent to it in a year, as IMI's scoreboard shows its
 * members (issue 21): figures beside the year-end evaluation, not points in it.
 *
 * @param received requests sent to the bureau in the year (by the day of their latest sending)
 * @param acceptDecided of those, the ones accepted, or still waiting after their acceptance period;
 *        returned and withdrawn ones are not counted
 * @param acceptedInTime of those, accepted by the end of the acceptance period
 * @param answered requests answered (the latest answer counts)
 * @param answerWorkingDays the working days from sending to answering, summed over the answered ones
 * @param answerDecided requests answered, or still unanswered after the agreed answer date
 * @param answeredInTime of those, answered by the agreed date
 * @param rated answers the requester rated when confirming
 * @param timelinessSum the requester's timeliness ratings summed (1 to 5 each)
 * @param qualitySum the requester's quality ratings summed (1 to 5 each)
 * @param acceptedInTimeRate accepted in time, in percent of acceptDecided; null when there is nothing to count
 * @param averageWorkingDaysToAnswer average working days from sending to answer; null when nothing was answered
 * @param answeredInTimeRate answered by the agreed date, in percent of answerDecided; null when nothing to count
 * @param averageTimeliness the requesters' average timeliness rating; null when no answer was rated
 * @param averageQuality the requesters' average quality rating; null when no answer was rated
 */
public record AssistanceScore(String agencyCode, long received, long acceptDecided, long acceptedInTime,
		long answered, long answerWorkingDays, long answerDecided, long answeredInTime, long rated, long timelinessSum,
		long qualitySum, Double acceptedInTimeRate, Double averageWorkingDaysToAnswer, Double answeredInTimeRate,
		Double averageTimeliness, Double averageQuality) {

	/** The score of the counts, with its rates and averages (one decimal). */
	public static AssistanceScore of(String agencyCode, long received, long acceptDecided, long acceptedInTime,
			long answered, long answerWorkingDays, long answerDecided, long answeredInTime, long rated,
			long timelinessSum, long qualitySum) {
		return new AssistanceScore(agencyCode, received, acceptDecided, acceptedInTime, answered, answerWorkingDays,
				answerDecided, answeredInTime, rated, timelinessSum, qualitySum, percent(acceptedInTime, acceptDecided),
				average(answerWorkingDays, answered), percent(answeredInTime, answerDecided),
				average(timelinessSum, rated), average(qualitySum, rated));
	}

	public static AssistanceScore none(String agencyCode) {
		return of(agencyCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	private static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

	private static Double average(long sum, long count) {
		return count == 0 ? null : Math.round(sum * 10.0 / count) / 10.0;
	}
}
