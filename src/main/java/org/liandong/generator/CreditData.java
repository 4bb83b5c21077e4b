package org.liandong.generator;

import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a province-sized serious-dishonesty list directly in PostgreSQL: most entries
 * published and in force, some whose publication expired, some repaired, some decided not to be
 * listed and a few still in their defence period. Every subject has a valid unified social credit
 * code of the form {@code 91 + county + MA + seven characters + check character}, the check
 * character computed in SQL the way {@link UnifiedSocialCreditCode#checkCharacter} computes it.
 * Codes of subjects that were never listed ({@link #neverListed}) use {@code MB} instead of
 * {@code MA}, so they cannot collide with an entry. Resumes where an interrupted run stopped.
 */
public final class CreditData {

	public static final int CHUNK = 100_000;

	/** The 31 characters of GB 32100-2015, in the order of their values. */
	public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";


	/** 31^7: seven characters of the code's serial part. */
	private static final long SERIALS = 27_512_614_111L;

	/** The rows this generator wrote, told apart from entries made through the application. */
	public static final String MARK = "基准数据";

	private CreditData() {
	}

	/** How many generated entries there are. */
	public static long generated(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from credit_entry where created_by_name = ?", Long.class, MARK);
	}

	/**
	 * Writes generated entries from..to (inclusive) in one statement, so that an interrupted run resumes at
	 * a whole chunk. The subject's county and proposing bureau is one of the layout's registering bureaus
	 * (in turn), the deciding agency its city's bureau.
	 */
	public static void chunk(JdbcTemplate jdbc, Layout layout, long from, long to) {
		String sql = INSERT.replace("{registrars}", Layout.array(layout.registrars(), Layout.Bureau::code))
			.replace("{cities}", Layout.array(layout.registrars(), Layout.Bureau::city))
			.replace("{n}", Integer.toString(layout.registrars().size()));
		jdbc.update(sql, MARK, from, to);
	}

	/**
	 * The serial part of a code: n scrambled over the 31^7 serials (a bijection, 2654435761 being prime to
	 * 31), in seven characters of the character set.
	 */
	public static String serial(long n) {
		long x = Math.floorMod(n * 2654435761L + 12345, SERIALS);
		char[] chars = new char[7];
		for (int i = 6; i >= 0; i--) {
			chars[i] = CHARSET.charAt((int) (x % 31));
			x /= 31;
		}
		return new String(chars);
	}

	/** A valid code no generated entry has: the n-th subject that was never listed, in the given county. */
	public static String neverListed(String county, long n) {
		String first17 = "91" + county + "MB" + serial(n);
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}

	// g → state: 70 in 100 published (in force for one to three more years), 15 expired, 8 repaired,
	// 5 not listed, 2 still in their defence period; the county and the name's parts vary independently.
	private static final String INSERT = """
			insert into credit_entry (subject_uscc, subject_name, case_id, case_number, proposing_agency, deciding_agency,
			    facts, legal_basis, state, notice_number, notice_document_id, notified_at, defence_due_at,
			    defence_statement, defence_recorded_at, decision_number, decision_document_id, decided_at,
			    decision_reason, published_until, repair_eligible_from, repair_number, repair_document_id, repaired_at,
			    repair_reason, ended_at, created_by_name, version)
			select first17 || substr(cs, (31 - (select sum((strpos(cs, substr(first17, i, 1)) - 1)
			                                                 * (array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28])[i])
			                                     from generate_series(1, 17) i)::int % 31) % 31 + 1, 1),
			       name, 900000000 + g, 'BENCH-CR-' || g, county, city,
			       '该单位' || (array['未按规定开展安全教育培训','未如实记录隐患排查治理情况','特种作业人员未持证上岗',
			                       '未按规定设置安全警示标志','无证经营危险化学品'])[1 + g % 5]
			         || '，经责令限期改正逾期未改正，且拒不履行行政处罚决定，情节严重。',
			       '《安全生产严重失信主体名单管理办法》第五条', state,
			       '平应急信告〔' || to_char(notified, 'YYYY') || '〕' || g || '号', 800000000 + 3 * g, notified,
			       notified + interval '15 days',
			       case when g % 3 = 0 and state <> 'NOTIFIED' then '当事人提出陈述申辩，称已整改，请求不予列入。' end,
			       case when g % 3 = 0 and state <> 'NOTIFIED' then notified + interval '10 days' end,
			       case when state <> 'NOTIFIED' then '平应急信决〔' || to_char(decided, 'YYYY') || '〕' || g || '号' end,
			       case when state <> 'NOTIFIED' then 800000001 + 3 * g end,
			       case when state <> 'NOTIFIED' then decided end,
			       case when state = 'NOT_LISTED' then '当事人已改正违法行为并履行处罚决定，决定不予列入。'
			            when state <> 'NOTIFIED' then '陈述申辩理由不成立，决定列入严重失信主体名单。' end,
			       case when state in ('PUBLISHED', 'EXPIRED', 'REPAIRED') then decided + interval '3 years' end,
			       case when state in ('PUBLISHED', 'EXPIRED', 'REPAIRED') then decided + interval '1 year' end,
			       case when state = 'REPAIRED' then '平应急信复〔' || to_char(repaired, 'YYYY') || '〕' || g || '号' end,
			       case when state = 'REPAIRED' then 800000002 + 3 * g end,
			       case when state = 'REPAIRED' then repaired end,
			       case when state = 'REPAIRED' then '当事人已履行法定义务、纠正失信行为并公开作出信用承诺，准予信用修复。' end,
			       case when state = 'EXPIRED' then decided + interval '3 years' when state = 'REPAIRED' then repaired end,
			       ?, case when state in ('EXPIRED', 'REPAIRED') then 2 when state = 'NOTIFIED' then 0 else 1 end
			from (select g, cs, county, city, name, state, decided,
			             case when state = 'NOTIFIED' then today - (g % 10) * interval '1 day'
			                  else decided - interval '25 days' end as notified,
			             decided + interval '1 year' + (g % 30) * interval '1 day' as repaired,
			             '91' || county || 'MA' || serial as first17
			      from (select g, cs, today, county, city, name, serial,
			                   case when g % 100 < 70 then 'PUBLISHED' when g % 100 < 85 then 'EXPIRED'
			                        when g % 100 < 93 then 'REPAIRED' when g % 100 < 98 then 'NOT_LISTED'
			                        else 'NOTIFIED' end as state,
			                   today - case when g % 100 < 70 then 1 + (g * 37) % 700
			                                when g % 100 < 85 then 1100 + (g * 37) % 1000
			                                when g % 100 < 93 then 400 + (g * 37) % 900
			                                else 1 + (g * 37) % 1000 end * interval '1 day' as decided
			            from (select g, cs, today,
			                         ({registrars})[1 + (g / 7) % {n}] as county,
			                         ({cities})[1 + (g / 7) % {n}] as city,
			                         (array['平顶山','鲁山','叶县','宝丰','舞钢','汝州','郏县','新华','卫东','湛河'])[1 + (g / 100) % 10]
			                         || (array['宏达','鑫源','恒通','安泰','华丰','永盛','金石','中原','天瑞','瑞祥'])[1 + (g / 10) % 10]
			                         || (array['化工','煤业','建材','物流','机械','矿业','电力','食品','纺织','仓储'])[1 + g % 10]
			                         || '有限公司' || g as name,
			                         (select string_agg(substr(cs, 1 + ((x / p) % 31)::int, 1), '' order by p desc)
			                          from unnest(array[887503681,28629151,923521,29791,961,31,1]::bigint[]) p) as serial
			                  from (select g, '0123456789ABCDEFGHJKLMNPQRTUWXY'::text as cs,
			                               date_trunc('day', now()) as today, (g * 2654435761 + 12345) % 27512614111 as x
			                        from generate_series(?::bigint, ?::bigint) g) numbered) named) stated) timed
			""";
}
