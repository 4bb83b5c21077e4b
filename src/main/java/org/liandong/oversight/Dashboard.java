package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * The oversight dashboard (R7.1): open obligations and their clocks, per bureau and city-wide,
 * with the figures of its charts.
 *
 * @param agencyCode the bureau shown, or null for the whole city
 * @param asOf when the open obligations were counted
 * @param historyAsOf when the history (each bureau's last 90 days, the months, the time per kind) was
 *     computed, by the last background computation for the city (issue 24); null until the first, and
 *     then the history's figures are null or empty
 * @param bureaus one row per bureau of the city (only the bureau itself for a county reader)
 * @param urgent the open obligations due soonest (overdue first)
 * @param months the last twelve months, oldest first
 * @param byObligation response times per kind of obligation over the last twelve months
 * @param conduct the latest records of shirking or passive handling against the bureau (or the city's bureaus)
 */
public record Dashboard(String agencyCode, String agencyName, Instant asOf, Instant historyAsOf, Totals totals, List<BureauRow> bureaus,
		List<ObligationView> urgent, List<Month> months, List<Kind> byObligation, List<Conduct> conduct) {

	/** A record against a unit (R7.2): a missed obligation, a return for other reasons, repeated delay. */
	public record Conduct(long id, String agencyCode, String agencyName, String kind, String kindLabel, String detail,
			Instant recordedAt) {
	}

	/** Counts now: open, of which overdue and due within the next 24 hours. */
	public record Totals(long open, long overdue, long dueSoon) {
	}

	/**
	 * A bureau's line: what is open now and how it met its obligations due in the last 90 days.
	 *
	 * The 90-day figures are null while the city's history has not yet been computed.
	 *
	 * @param onTimeRate met on time among those due in the last 90 days and settled or missed, in percent; null if none
	 */
	public record BureauRow(String agencyCode, String agencyName, long open, long overdue, long dueSoon, Long due90,
			Long onTime90, Long late90, Long missedOpen90, Double onTimeRate) {
	}

	/** Obligations due in a month: met on time, met late, still open past due. */
	public record Month(String month, long onTime, long late, long overdueOpen) {
	}

	/** Average hours from opening to meeting, per kind of obligation. */
	public record Kind(String obligation, long met, double averageHours) {
	}
}
