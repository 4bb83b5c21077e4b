package org.liandong.oversight.internal.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.liandong.oversight.Dashboard;
import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's history read from the ledger: three aggregates over the obligations of a bureau
 * ({@code owner_agency}) or of a city ({@code city_agency}) due in the last year. A bureau's are
 * read per request (an index covers them); a city's by {@link CityHistory} in the background.
 */
@Component
class HistoryQueries {

	private static final Duration RECENT = Duration.ofDays(90);

	private final JdbcClient jdbc;

	HistoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LedgerHistory ofBureau(String agency, Instant now) {
		return read("owner_agency", agency, now);
	}

	LedgerHistory ofCity(String city, Instant now) {
		return read("city_agency", city, now);
	}

	private LedgerHistory read(String column, String key, Instant now) {
		return new LedgerHistory(now, recent(column, key, now), months(column, key, now), kinds(column, key, now));
	}

	/** Per owner, the obligations due in the last 90 days: met on time, met late, still open. */
	private List<LedgerHistory.Recent> recent(String column, String key, Instant now) {
		return jdbc.sql("""
				select owner_agency, count(*) as due_count,
				    sum(case when state = 'MET' and settled_at <= due_at then 1 else 0 end) as on_time,
				    sum(case when state = 'MET' and settled_at > due_at then 1 else 0 end) as late,
				    sum(case when state = 'OPEN' then 1 else 0 end) as missed_open
				from obligation where %s = ? and due_at >= ? and due_at < ? and state <> 'CANCELLED'
				group by owner_agency order by owner_agency""".formatted(column))
			.params(key, ChineseTime.utc(now.minus(RECENT)), ChineseTime.utc(now))
			.query((rs, n) -> new LedgerHistory.Recent(rs.getString("owner_agency"), rs.getLong("due_count"),
					rs.getLong("on_time"), rs.getLong("late"), rs.getLong("missed_open")))
			.list();
	}

	/** Obligations due in each of the last twelve months (Beijing months), by outcome: one pass over the year. */
	private List<Dashboard.Month> months(String column, String key, Instant now) {
		YearMonth current = YearMonth.from(now.atZone(ChineseTime.ZONE));
		List<YearMonth> months = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			months.add(current.minusMonths(i));
		}
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
		params.add(key);
		params.add(ChineseTime.utc(startOf(months.get(0).atDay(1))));
		params.add(ChineseTime.utc(now));
		return jdbc.sql("select " + sums + " count(*) as total from obligation where " + column
				+ " = ? and due_at >= ? and due_at < ? and state <> 'CANCELLED'")
			.params(params)
			.query((rs, n) -> {
				List<Dashboard.Month> result = new ArrayList<>();
				for (int i = 0; i < months.size(); i++) {
					result.add(new Dashboard.Month(months.get(i).toString(), rs.getLong("on_time_" + i),
							rs.getLong("late_" + i), rs.getLong("open_" + i)));
				}
				return result;
			})
			.single();
	}

	/** How long each kind of obligation took to meet, over the last twelve months. */
	private List<Dashboard.Kind> kinds(String column, String key, Instant now) {
		return jdbc.sql("""
				select obligation, count(*) as met,
				    avg(extract(epoch from settled_at) - extract(epoch from opened_at)) as seconds
				from obligation where %s = ? and due_at >= ? and due_at < ? and state = 'MET'
				group by obligation order by obligation""".formatted(column))
			.params(key, ChineseTime.utc(now.minus(Duration.ofDays(365))), ChineseTime.utc(now.plus(Duration.ofDays(366))))
			.query((rs, n) -> new Dashboard.Kind(rs.getString("obligation"), rs.getLong("met"),
					Math.round(rs.getDouble("seconds") / 360.0) / 10.0))
			.list();
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChineseTime.ZONE).toInstant();
	}
}
