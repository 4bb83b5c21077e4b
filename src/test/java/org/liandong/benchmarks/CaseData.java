package org.liandong.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a province-sized case register directly in PostgreSQL: a few bureaus much busier than
 * others, most cases general and long closed, some under investigation, one in twenty notified to
 * a neighbour. Resumes where an interrupted run stopped.
 */
final class CaseData {

	private static final int BATCH = 100_000;

	private static final String COUNTIES = "array['410402','410403','410404','410411','410421','410422','410423','410425','410481','410482']";

	private CaseData() {
	}

	/** What a run added to the data: how many cases, in how many milliseconds. */
	record Loaded(long cases, long millis) {
	}

	/** Loads cases until there are {@code target}. */
	static Loaded ensure(JdbcTemplate jdbc, TransactionTemplate transactions, long target) {
		long start = System.currentTimeMillis();
		long have = jdbc.queryForObject("select count(*) from enforcement_case where registered_by = 'bench'", Long.class);
		long before = have;
		while (have < target) {
			long from = have + 1;
			long to = Math.min(have + BATCH, target);
			// one transaction a batch, so that an interrupted run resumes at a whole batch
			transactions.executeWithoutResult(status -> batch(jdbc, from, to));
			have = to;
			System.out.printf("案件数据生成：%,d / %,d%n", have, target);
		}
		return new Loaded(have - before, System.currentTimeMillis() - start);
	}

	private static void batch(JdbcTemplate jdbc, long from, long to) {
		// power(random(), 2) skews the choice of bureau towards the first ones: 新华, 卫东 are busiest
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
				       null, county, county, at, 'bench', at, 'bench', '基准数据', 0
				from (select g, ({counties})[1 + floor(10 * power(random(), 2))::int] as county,
				             timestamp with time zone '2024-12-31 16:00:00+00' + (g % 730) * interval '1 day'
				               + (g % 86400) * interval '1 second' as at
				      from generate_series(?::bigint, ?::bigint) g) s
				""".replace("{counties}", COUNTIES), from, to);
		jdbc.update("""
				insert into case_participant (case_id, agency, role)
				select id, host_agency, 'LEAD' from enforcement_case
				where registered_by = 'bench' and registered_seq between ? and ?""", from, to);
		jdbc.update("""
				insert into case_access (agency, case_id, access, status, registered_at)
				select host_agency, id, 'FULL', status, registered_at from enforcement_case
				where registered_by = 'bench' and registered_seq between ? and ?""", from, to);
		jdbc.update("""
				insert into case_notification (case_id, from_agency, to_agency, sent_at, sent_by, sent_by_name, delivered_at)
				select id, host_agency, case when host_agency = '410402' then '410403' else '410402' end, registered_at,
				       'bench', '基准数据', registered_at
				from enforcement_case
				where registered_by = 'bench' and registered_seq between ? and ? and registered_seq % 20 = 7""", from, to);
		jdbc.update("""
				insert into case_access (agency, case_id, access, status, registered_at)
				select to_agency, case_id, 'SUMMARY', c.status, c.registered_at
				from case_notification n join enforcement_case c on c.id = n.case_id
				where c.registered_by = 'bench' and c.registered_seq between ? and ?""", from, to);
	}
}
