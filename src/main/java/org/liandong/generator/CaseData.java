package org.liandong.generator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case register generated directly in PostgreSQL: a few bureaus much busier than others (the n-th
 * of the layout's registering bureaus drawn with probability falling like a power law: with 10 bureaus
 * the first has about a third of all cases), most cases general and long closed, some under
 * investigation, one in twenty notified to the next bureau of the layout. Rows are numbered g = 1, 2, …
 * ({@code registered_seq}, drawn from g alone, so a rerun writes the same rows); one transaction a chunk,
 * so an interrupted run resumes at the first missing chunk.
 */
public final class CaseData {

	/** The rows this generator wrote: {@code registered_by}. */
	public static final String MARK = "bench";

	public static final int CHUNK = 100_000;

	private CaseData() {
	}

	/** How many generated cases there are. */
	public static long generated(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from enforcement_case where registered_by = ?", Long.class, MARK);
	}

	/** Writes generated cases from..to (inclusive) in one transaction. */
	public static void chunk(JdbcTemplate jdbc, TransactionTemplate transactions, Layout layout, long from, long to) {
		transactions.executeWithoutResult(status -> write(jdbc, layout, from, to));
	}

	private static void write(JdbcTemplate jdbc, Layout layout, long from, long to) {
		String registrars = Layout.array(layout.registrars(), Layout.Bureau::code);
		int n = layout.registrars().size();
		// power(u, 2) skews the choice of bureau towards the first ones; u is a hash of g, not random(),
		// so that the same g always gives the same row
		jdbc.update("""
				insert into enforcement_case (number, registering_agency, registered_year, registered_seq, party_kind,
				    party_name, party_uscc, supervision_level, division_code, violation_type, severity, status, summary,
				    host_agency, proposed_host_agency, registered_at, registered_by, last_changed_at, last_changed_by,
				    last_changed_by_name, version)
				select 'BENCH-' || g, county, 2025, g, 'ENTERPRISE',
				       (array['平顶山','鲁山','叶县','宝丰','舞钢','汝州','郏县','新华','卫东','湛河'])[1 + (g / 100) % 10]
				       || (array['宏达','鑫源','恒通','安泰','华丰','永盛','金石','中原','天瑞','瑞祥'])[1 + (g / 10) % 10]
				       || (array['化工','煤业','建材','物流','机械','矿业','电力','食品','纺织','仓储'])[1 + g % 10]
				       || '有限公司' || g,
				       '914104' || lpad(g::text, 11, '0') || '0', 'COUNTY', county,
				       (array['未按规定开展安全教育培训','未如实记录隐患排查治理情况','特种作业人员未持证上岗',
				              '未按规定设置安全警示标志','无证经营危险化学品'])[1 + g % 5],
				       case when g % 20 = 0 then 'MAJOR' else 'GENERAL' end,
				       case when g % 10 < 6 then 'CLOSED' when g % 10 < 8 then 'DECIDED'
				            when g % 10 < 9 then 'INVESTIGATING' else 'REGISTERED' end,
				       null, county, county, at, ?, at, ?, '基准数据', 0
				from (select g, ({registrars})[1 + floor({n} * power((hashint8extended(g, 11) & 4294967295)::float8
				                                                     / 4294967296, 2))::int] as county,
				             timestamp with time zone '2024-12-31 16:00:00+00' + (g % 730) * interval '1 day'
				               + (g % 86400) * interval '1 second' as at
				      from generate_series(?::bigint, ?::bigint) g) s
				""".replace("{registrars}", registrars).replace("{n}", Integer.toString(n)), MARK, MARK, from, to);
		jdbc.update("""
				insert into case_participant (case_id, agency, role)
				select id, host_agency, 'LEAD' from enforcement_case
				where registered_by = ? and registered_seq between ? and ?""", MARK, from, to);
		jdbc.update("""
				insert into case_access (agency, case_id, access, status, registered_at)
				select host_agency, id, 'FULL', status, registered_at from enforcement_case
				where registered_by = ? and registered_seq between ? and ?""", MARK, from, to);
		// the next bureau of the layout (the first after the last): a neighbour, mostly of the same city
		jdbc.update("""
				insert into case_notification (case_id, from_agency, to_agency, sent_at, sent_by, sent_by_name, delivered_at)
				select id, host_agency, ({registrars})[1 + array_position({registrars}, host_agency::text) % {n}],
				       registered_at, ?, '基准数据', registered_at
				from enforcement_case
				where registered_by = ? and registered_seq between ? and ? and registered_seq % 20 = 7"""
			.replace("{registrars}", registrars).replace("{n}", Integer.toString(n)), MARK, MARK, from, to);
		jdbc.update("""
				insert into case_access (agency, case_id, access, status, registered_at)
				select to_agency, case_id, 'SUMMARY', c.status, c.registered_at
				from case_notification n join enforcement_case c on c.id = n.case_id
				where c.registered_by = ? and c.registered_seq between ? and ?""", MARK, from, to);
	}
}
