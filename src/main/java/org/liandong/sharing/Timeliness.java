package org.liandong.sharing;

/**
 * Completeness (share of expected reports received) and timeliness (share received by the due
 * time) of one bureau, over the reports due so far (R6.1), in whole percent.
 */
public record Timeliness(String agencyCode, String agencyName, int expected, int received, int onTime,
		int completenessPercent, int timelinessPercent) {

	public static Timeliness of(String agencyCode, String agencyName, int expected, int received, int onTime) {
		return new Timeliness(agencyCode, agencyName, expected, received, onTime,
				expected == 0 ? 100 : Math.round(received * 100f / expected),
				expected == 0 ? 100 : Math.round(onTime * 100f / expected));
	}
}
