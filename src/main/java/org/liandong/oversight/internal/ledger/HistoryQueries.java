package org.liandong.oversight.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.liandong.oversight.Dashboard;
import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboards' history read from the ledger: three aggregates over a city's obligations due in the
 * last year, grouped by owner, so that one pass gives the city's figures and every bureau's. Run in the
 * background by {@link CityHistory}: over a province's ledger they take seconds.
 */
@Component
class HistoryQueries {

	private static final Duration RECENT = Duration.ofDays(90);

	private final JdbcClient jdbc;

	HistoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LedgerHistory ofCity(String city, Instant now) {
		Map<String, long[]> recent = recent(city, now);
		Map<String, List<Dashboard.Month>> months = months(city, now);
		Map<String, List<LedgerHistory.KindTotal>> kinds = kinds(city, now);
		Set<String> owners = new TreeSet<>(recent.keySet());
		owners.addAll(months.keySet());
		owners.addAll(kinds.keySet());
		List<Dashboard.Month> none = LedgerHistory.monthsUpTo(now).stream()
			.map(m -> new Dashboard.Month(m.toString(), 0, 0, 0)).toList();
		return new LedgerHistory(now, owners.stream().map(owner -> {
			long[] r = recent.getOrDefault(owner, new long[4]);
			return new LedgerHistory.Owner(owner, r[0], r[1], r[2], r[3], months.getOrDefault(owner, none),
					kinds.getOrDefault(owner, List.of()));
		}).toList());
	}

	/** Per owner, the obligations due in the last 90 days: all, met on time, met late, still open. */
	private Map<String, long[]> recent(String city, Instant now) {
		Map<String, long[]> recent = new TreeMap<>();
		jdbc.sql("""
				select owner_agency, count(*) as due_count,
				    sum(case when state = 'MET' and settled_at <= due_at then 1 else 0 end) as on_time,
				    sum(case when state = 'MET' and settled_at > due_at then 1 else 0 end) as late,
				    sum(case when state = 'OPEN' then 1 else 0 end) as missed_open
				from obligation where city_agency = ? and due_at >= ? and due_at < ? and state <> 'CANCELLED'
				group by owner_agency""")
			.params(city, ChineseTime.utc(now.minus(RECENT)), ChineseTime.utc(now))
			.query(rs -> {
				recent.put(rs.getString("owner_agency"), new long[] { rs.getLong("due_count"), rs.getLong("on_time"),
						rs.getLong("late"), rs.getLong("missed_open") });
			});
		return recent;
	}

	/** Per owner, obligations due in each of the last twelve months (Beijing months), by outcome: one pass over the year. */
	private Map<String, List<Dashboard.Month>> months(String city, Instant now) {
		List<YearMonth> months = LedgerHistory.monthsUpTo(now);
		StringBuilder sums = new StringBuilder();
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			Instant from = startOf(months.get(i).atDay(1));
			Instant to = startOf(months.get(i).plusMonths(1).atDay(1));
			sums.append("""
					sum(case when due_at >= ? and due_at < ? and state = 'MET' and settled_at <= due_at then 1 else 0 end) as on_time_%1$d,
					sum(case when due_at >= ? and due_at < ? and state = 'MET' and settled_at > due_at then 1 else 0 end) as late_%1$d,
					sum(case when due_at >= ? and due_at < ? and state = 'OPEN' and due_at < ? then 1 else 0 end) as open_%1$d,
					""".formatted(i));
			params.addAll(List.of(ChineseTime.utc(from), ChineseTime.utc(to), ChineseTime.utc(from), ChineseTime.utc(to),
					ChineseTime.utc(from), ChineseTime.utc(to), ChineseTime.utc(now)));
		}
		params.add(city);
		params.add(ChineseTime.utc(startOf(months.get(0).atDay(1))));
		params.add(ChineseTime.utc(now));
		Map<String, List<Dashboard.Month>> result = new TreeMap<>();
		jdbc.sql("select owner_agency, " + sums + " count(*) as total from obligation where city_agency = ?"
				+ " and due_at >= ? and due_at < ? and state <> 'CANCELLED' group by owner_agency")
			.params(params)
			.query(rs -> {
				List<Dashboard.Month> owned = new ArrayList<>();
				for (int i = 0; i < months.size(); i++) {
					owned.add(new Dashboard.Month(months.get(i).toString(), rs.getLong("on_time_" + i),
							rs.getLong("late_" + i), rs.getLong("open_" + i)));
				}
				result.put(rs.getString("owner_agency"), owned);
			});
		return result;
	}

	/** Per owner and kind, the obligations met over the last twelve months and the seconds they took. */
	private Map<String, List<LedgerHistory.KindTotal>> kinds(String city, Instant now) {
		Map<String, List<LedgerHistory.KindTotal>> result = new TreeMap<>();
		jdbc.sql("""
				select owner_agency, obligation, count(*) as met,
				    sum(extract(epoch from settled_at) - extract(epoch from opened_at)) as seconds
				from obligation where city_agency = ? and due_at >= ? and due_at < ? and state = 'MET'
				group by owner_agency, obligation order by owner_agency, obligation""")
			.params(city, ChineseTime.utc(now.minus(Duration.ofDays(365))), ChineseTime.utc(now.plus(Duration.ofDays(366))))
			.query(rs -> {
				result.computeIfAbsent(rs.getString("owner_agency"), k -> new ArrayList<>())
					.add(new LedgerHistory.KindTotal(rs.getString("obligation"), rs.getLong("met"), rs.getDouble("seconds")));
			});
		return result;
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChineseTime.ZONE).toInstant();
	}
}
