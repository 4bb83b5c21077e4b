package org.liandong.oversight.internal.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.liandong.oversight.Dashboard;
import org.liandong.platform.ChineseTime;

/**
 * What the ledger says of the past for each owner of a city, as of an instant: its obligations due in
 * the last 90 days by outcome, the last twelve months by outcome, the time taken per kind. A bureau's
 * dashboard shows its own part, the city's the sum.
 */
record LedgerHistory(Instant asOf, List<Owner> owners) {

	/** One owner's figures; the months oldest first, always twelve. */
	record Owner(String agency, long due, long onTime, long late, long missedOpen, List<Dashboard.Month> months,
			List<KindTotal> kinds) {
	}

	/** Obligations of a kind met, and the seconds from opening to meeting summed over them. */
	record KindTotal(String obligation, long met, double seconds) {
	}

	/** One owner's part: zero where the owner had no obligation in the period. */
	LedgerHistory of(String agency) {
		return new LedgerHistory(asOf, owners.stream().filter(o -> o.agency().equals(agency)).toList());
	}

	/** The twelve Beijing months up to the one of {@code asOf}, oldest first. */
	static List<YearMonth> monthsUpTo(Instant asOf) {
		YearMonth current = YearMonth.from(asOf.atZone(ChineseTime.ZONE));
		List<YearMonth> months = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			months.add(current.minusMonths(i));
		}
		return months;
	}

	/** The months summed over the owners; twelve empty months where there is none. */
	List<Dashboard.Month> months() {
		List<YearMonth> names = monthsUpTo(asOf);
		List<Dashboard.Month> sums = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			long onTime = 0;
			long late = 0;
			long open = 0;
			for (Owner owner : owners) {
				Dashboard.Month month = owner.months().get(i);
				onTime += month.onTime();
				late += month.late();
				open += month.overdueOpen();
			}
			sums.add(new Dashboard.Month(names.get(i).toString(), onTime, late, open));
		}
		return sums;
	}

	/** The average hours per kind over the owners, in tenths of an hour. */
	List<Dashboard.Kind> kinds() {
		Map<String, double[]> totals = new TreeMap<>();
		for (Owner owner : owners) {
			for (KindTotal kind : owner.kinds()) {
				double[] total = totals.computeIfAbsent(kind.obligation(), k -> new double[2]);
				total[0] += kind.met();
				total[1] += kind.seconds();
			}
		}
		return totals.entrySet().stream()
			.map(e -> new Dashboard.Kind(e.getKey(), (long) e.getValue()[0],
					Math.round(e.getValue()[1] / e.getValue()[0] / 360.0) / 10.0))
			.toList();
	}
}
