package org.liandong.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An obligation ledger generated directly in PostgreSQL: by default 10,000,000 obligations of the
 * kinds the modules record, owned by the layout's bureaus, in the order a live ledger grows (by time):
 * 35% due in 2021–2024, 40% due in 2025 (the evaluated year) and 25% opened in 2026 up to the day of
 * generation. Owners are skewed (the first bureau of the layout about six times the median one, with
 * 160 bureaus; the smallest three quarters of the median); each obligation is met on time (83%), met
 * late by one to sixty days (12%), cancelled (4.8%) or never settled (0.2%); what would only happen
 * after the day of generation is still open. Every open row, and every row met late, carries the
 * instants the ledger's scan marks ({@code reminded_at} 24 hours before due where it was open then,
 * {@code overdue_at} 30 s after due), so that the scan never takes a generated row, not even one that
 * falls due after the data was made: the generated rows never cause reminders, escalations, inbox
 * messages or conduct records. Generated rows have {@code subject_id >= } {@link #BASE}; one statement a
 * chunk, written in order, so that a rerun resumes after the last row written. The layout of the rows
 * in time depends on the total: a different total needs the generated rows deleted first.
 */
public final class ObligationData {

	/** Generated rows are numbered g = 1, 2, …; their subject_id is BASE + g, far above any real subject's id. */
	public static final long BASE = 1_000_000_000_000L;

	public static final int CHUNK = 500_000;

	/** The evaluated year and the segments of the layout. */
	public static final int YEAR = 2025;

	private static final double HISTORY_SHARE = 0.35;

	private static final double EVALUATED_SHARE = 0.40;

	private static final String[] TYPES = { "assistance-request", "dispatch", "designation", "report", "bulletin",
			"meeting", "action-item", "rectification" };

	private ObligationData() {
	}

	/** The number g of the last generated row (chunks commit in order, one statement each). */
	public static long generated(JdbcTemplate jdbc) {
		String perType = List.of(TYPES).stream()
			.map(type -> "(select max(subject_id) from obligation where subject_type = '%s' and subject_id >= %d)"
				.formatted(type, BASE))
			.collect(Collectors.joining(", "));
		Long max = jdbc.queryForObject("select greatest(" + perType + ")", Long.class);
		return max == null ? 0 : max - BASE;
	}

	/** The start of today in Beijing: the current year's rows end there. */
	public static Instant anchor() {
		Instant anchor = LocalDate.now(ChineseTime.ZONE).atStartOfDay(ChineseTime.ZONE).toInstant();
		if (!anchor.isAfter(LocalDate.of(YEAR + 1, 1, 2).atStartOfDay(ChineseTime.ZONE).toInstant())) {
			throw new IllegalStateException("the layout needs a date after the evaluated year " + YEAR);
		}
		return anchor;
	}

	/** The statement writing rows from..to of a ledger of {@code total} rows. */
	public static String statement(Layout layout, long total) {
		long history = Math.round(total * HISTORY_SHARE);
		long current = history + Math.round(total * EVALUATED_SHARE);
		return INSERT.replace("{base}", Long.toString(BASE))
			.replace("{history}", Long.toString(history))
			.replace("{current}", Long.toString(current))
			.replace("{total}", Long.toString(total))
			.replace("{bureaus}", Layout.array(layout.owners(), Layout.Bureau::code))
			.replace("{cities}", Layout.array(layout.owners(), Layout.Bureau::city))
			.replace("{count}", Integer.toString(layout.owners().size()));
	}

	/** Writes rows from..to (inclusive) of a ledger of {@code total} rows, in one statement. */
	public static void chunk(JdbcTemplate jdbc, String statement, Instant anchor, long from, long to) {
		jdbc.update(statement, ChineseTime.utc(anchor), from, to);
	}

	// g → kind (k: 1 受理或退回协查请求 20%, 2 答复协查请求 20%, 3 办理督办事项 5%, 4 办理指定管辖任务 3%, 5 报送报告 15%,
	// 6 签收快报 20%, 7 回复会议通知 8%, 8 办结会议议定事项 5%, 9 完成整改 4%), each with its time to meet in days;
	// owner skewed over the bureaus (the first the busiest); due instants (2021–2025) or opening instants (current
	// year) rising with g; the outcome r out of 1000; f the share of the time taken when met in time; late the
	// delay when met late. The subqueries are kept apart (offset 0): flattened, the planner would repeat every
	// expression at each use, thirty times slower.
	private static final String INSERT = """
			insert into obligation (subject_type, subject_id, obligation, owner_agency, round, subject_name, city_agency,
			    link, opened_at, due_at, state, settled_at, reminded_at, overdue_at, version)
			select (array['assistance-request','assistance-request','dispatch','designation','report','bulletin','meeting',
			              'action-item','rectification'])[k],
			       {base} + g,
			       (array['受理或退回协查请求','答复协查请求','办理督办事项','办理指定管辖任务','报送报告','签收快报','回复会议通知',
			              '办结会议议定事项','完成整改'])[k],
			       owner, 1,
			       case k when 1 then '平应急协〔' || yr || '〕' || n || '号'
			              when 2 then '平应急协〔' || yr || '〕' || n || '号'
			              when 3 then '平应急督〔' || yr || '〕' || n || '号'
			              when 4 then '平应急指〔' || yr || '〕' || n || '号'
			              when 5 then '执法工作月报（' || ym || '）'
			              when 6 then '安全生产快报' || yr || '年第 ' || n || ' 期'
			              when 7 then yr || '年第 ' || n || ' 次联席会议'
			              when 8 then '落实' || yr || '年第 ' || n || ' 次联席会议议定事项'
			              else yr || '年度执法督查发现问题整改（第 ' || n || ' 项）' end,
			       city,
			       (array['/assistance/','/assistance/','/dispatches/','/major-reports/','/reports','/bulletins/','/meetings/',
			              '/meetings/','/oversight/inspections/'])[k] || case when k = 5 then '' else ({base} + g)::text end,
			       opened, due, state,
			       case when state <> 'OPEN' then settled end,
			       case when reminded then due - interval '24 hours' end,
			       case when missed then due + interval '30 seconds' end,
			       (case when state <> 'OPEN' then 1 else 0 end) + (case when reminded then 1 else 0 end)
			           + (case when missed then 1 else 0 end)
			from (select *, opened < due - interval '24 hours' and (state = 'OPEN' or settled > due - interval '24 hours') as reminded,
			             state = 'OPEN' or settled > due as missed,
			             to_char(opened at time zone 'Asia/Shanghai', 'YYYY') as yr,
			             to_char(opened at time zone 'Asia/Shanghai', 'YYYY-MM') as ym,
			             1 + (g / 7) % 2000 as n
			      from (select *, case when settled > anchor then 'OPEN' when r < 950 then 'MET' else 'CANCELLED' end as state
			            from (select *, case when r < 830 or (r >= 950 and r < 998) then opened + (due - opened) * f
			                                 when r < 950 then due + (1 + late % 60) * interval '1 day' + (late % 1440) * interval '1 minute'
			                                 else 'infinity'::timestamptz end as settled
			                  from (select g, anchor, k, owner, city, r, f, late,
			                               case when g > {current} then opened0 + dur else due0 end as due,
			                               case when g > {current} then opened0 else due0 - dur end as opened
			                        from (select g, anchor, k, ({bureaus})[o] as owner, ({cities})[o] as city, r, f, late,
			                                     (array[3,21,30,60,7,1,3,60,60])[k] * interval '1 day' as dur,
			                                     case when g <= {history} then timestamptz '2021-01-01 00:00:00+08'
			                                                 + (g - 1)::float8 / {history}
			                                                   * (timestamptz '2025-01-01 00:00:00+08' - timestamptz '2021-01-01 00:00:00+08')
			                                          when g <= {current} then timestamptz '2025-01-01 00:00:00+08'
			                                                 + (g - {history} - 1)::float8 / ({current} - {history}) * interval '365 days'
			                                     end as due0,
			                                     case when g > {current} then timestamptz '2026-01-01 00:00:00+08'
			                                                 + (g - {current} - 1)::float8 / ({total} - {current})
			                                                   * (anchor - timestamptz '2026-01-01 00:00:00+08') end as opened0
			                              from (select g, ?::timestamptz as anchor,
			                                           case when kh < 20 then 1 when kh < 40 then 2 when kh < 45 then 3 when kh < 48 then 4
			                                                when kh < 63 then 5 when kh < 83 then 6 when kh < 91 then 7 when kh < 96 then 8
			                                                else 9 end as k,
			                                           1 + floor({count} * power((hashint8extended(g, 1) & 4294967295)::float8
			                                                                     / 4294967296, 1.5))::int as o,
			                                           (hashint8extended(g, 3) & 2147483647) % 1000 as r,
			                                           0.05 + 0.95 * ((hashint8extended(g, 4) & 4294967295)::float8 / 4294967296) as f,
			                                           (hashint8extended(g, 5) & 2147483647) as late
			                                    from (select g, (hashint8extended(g, 2) & 2147483647) % 100 as kh
			                                          from generate_series(?::bigint, ?::bigint) g offset 0) hashed
			                                    offset 0) drawn offset 0) placed offset 0) timed offset 0) settled offset 0) stated
			            offset 0) named
			""";
}
