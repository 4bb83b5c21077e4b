package org.liandong.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a PostgreSQL database (already migrated by Flyway) with a generated province: the layout's
 * divisions, bureaus and people ({@link #ensureAgencies}), then the obligation ledger, the case register
 * and the serious-dishonesty list, chunk by chunk. Resumable: each phase counts the rows it has already
 * (generated rows are told apart from real ones by a mark) and continues with the next row number, so a
 * rerun after an interruption neither duplicates nor skips; a completed run does nothing more.
 */
public final class ProvinceGenerator {

	/** What a run found and did. */
	public record Report(Layout layout, Sizes sizes, Agencies agencies, List<Phase> phases, Duration elapsed) {

		public long written() {
			return phases.stream().mapToLong(Phase::written).sum();
		}
	}

	/** One phase: rows before the run, rows after, chunks written and their time. */
	public record Phase(String name, long before, long after, int chunks, Duration elapsed) {

		public long written() {
			return after - before;
		}
	}

	/** Rows added by {@link #ensureAgencies}: divisions, agencies, accounts. */
	public record Agencies(int divisions, int agencies, int accounts) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Layout layout;
	private final Sizes sizes;
	private final Progress progress;

	public ProvinceGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Layout layout, Sizes sizes,
			Progress progress) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.layout = layout;
		this.sizes = sizes;
		this.progress = progress;
	}

	/**
	 * Adds what is missing of the layout: the province and its cities, each city's bureau, legal office and
	 * enforcement detachment, the county divisions and bureaus, and people (with {@code passwordHash}):
	 * {@code g<code>.leader} (局领导) and {@code g<code>.legal} (法制审核人员) in each city,
	 * {@code g<code>.enforcer} (执法人员) and {@code g<code>.liaison} (信息联络员) in each county bureau.
	 * Idempotent; bureaus added while the application runs take part within a second (the hierarchy's
	 * version in {@code reference_data} is bumped, see platform.ReferenceData).
	 */
	public Agencies ensureAgencies(String passwordHash) {
		return transactions.execute(status -> {
			int divisions = jdbc.update("""
					insert into division (code, name, level, parent_code) values (?, ?, 'PROVINCE', null)
					on conflict do nothing""", layout.provinceCode(), layout.provinceName());
			int agencies = 0;
			int accounts = 0;
			for (Layout.City city : layout.cities()) {
				divisions += jdbc.update("""
						insert into division (code, name, level, parent_code) values (?, ?, 'CITY', ?)
						on conflict do nothing""", city.code(), city.name(), layout.provinceCode());
				agencies += agency(city.code(), city.name() + "应急管理局", "市应急管理局", "CITY_BUREAU", city.code(), null);
				agencies += agency(city.code() + ".legal", city.name() + "应急管理局政策法规科", "市局法规科", "LEGAL_OFFICE",
						city.code(), city.code());
				agencies += agency(city.code() + ".detachment", city.name() + "应急管理综合行政执法支队", "市执法支队",
						"ENFORCEMENT_DETACHMENT", city.code(), city.code());
				accounts += account("g" + city.code() + ".leader", city.name() + "局领导", city.code(), "副局长", passwordHash,
						"LEADER");
				accounts += account("g" + city.code() + ".legal", city.name() + "法制审核员", city.code() + ".legal", "法规科科长",
						passwordHash, "LEGAL_OFFICER");
			}
			List<Layout.Bureau> bureaus = new ArrayList<>(layout.owners());
			layout.registrars().stream().filter(b -> !bureaus.contains(b)).forEach(bureaus::add);
			for (Layout.Bureau bureau : bureaus) {
				divisions += jdbc.update("""
						insert into division (code, name, level, parent_code) values (?, ?, 'COUNTY', ?)
						on conflict do nothing""", bureau.code(), bureau.county(), bureau.city());
				agencies += agency(bureau.code(), bureau.agencyName(), bureau.shortName(), "COUNTY_BUREAU", bureau.code(),
						bureau.city());
				accounts += account("g" + bureau.code() + ".enforcer", bureau.county() + "执法人员", bureau.code(),
						"执法大队执法人员", passwordHash, "ENFORCER");
				accounts += account("g" + bureau.code() + ".liaison", bureau.county() + "信息联络员", bureau.code(),
						"办公室信息联络员", passwordHash, "LIAISON");
			}
			if (divisions + agencies > 0) {
				// running instances hold the hierarchy in memory: they load it again within a second
				jdbc.update("update reference_data set version = version + 1 where name = 'agency'");
			}
			return new Agencies(divisions, agencies, accounts);
		});
	}

	private int agency(String code, String name, String shortName, String kind, String division, String parentCode) {
		return jdbc.update("""
				insert into agency (code, name, short_name, kind, division_code, parent_id, version, created_at)
				values (?, ?, ?, ?, ?, (select id from agency where code = ?), 0, now())
				on conflict do nothing""", code, name, shortName, kind, division, parentCode);
	}

	private int account(String username, String name, String agency, String title, String passwordHash, String role) {
		int added = jdbc.update("""
				insert into user_account (username, display_name, agency_id, password_hash, must_change_password, title,
				    failed_attempts, enabled, version, created_at)
				select ?, ?, id, ?, false, ?, 0, true, 0, now() from agency where code = ?
				on conflict do nothing""", username, name, passwordHash, title, agency);
		if (added > 0) {
			jdbc.update("""
					insert into user_role (user_account_id, role)
					select id, ? from user_account where username = ? on conflict do nothing""", role, username);
		}
		return added;
	}

	/**
	 * The agencies and people ({@link #ensureAgencies}), then every phase up to its size. Holds a session
	 * advisory lock meanwhile, so that a second generator on the same database waits instead of writing
	 * the same rows; refuses to continue a ledger begun for another total (the rows' layout in time
	 * depends on it), recorded in {@code generator_progress}.
	 */
	public Report run(String passwordHash) {
		return jdbc.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("select pg_advisory_lock(" + LOCK + ")");
			}
			try {
				return generate(passwordHash);
			}
			finally {
				try (var statement = connection.createStatement()) {
					statement.execute("select pg_advisory_unlock(" + LOCK + ")");
				}
			}
		});
	}

	/** The advisory lock key of the generator ("liandong" in ASCII, as a number). */
	static final long LOCK = 0x6c69616e646f6e67L;

	private void checkTotal() {
		jdbc.execute("""
				create table if not exists generator_progress (
				    phase      varchar(32) primary key,
				    target     bigint      not null,
				    updated_at timestamp with time zone not null)""");
		List<Long> recorded = jdbc.queryForList("select target from generator_progress where phase = 'obligations'",
				Long.class);
		long have = ObligationData.generated(jdbc);
		if (have > 0 && !recorded.isEmpty() && recorded.get(0) != sizes.obligations()) {
			throw new IllegalStateException(("the %,d generated obligations were laid out for a ledger of %,d rows, not %,d: "
					+ "use the same scale, or delete them first (delete from obligation where subject_id >= %d)")
				.formatted(have, recorded.get(0), sizes.obligations(), ObligationData.BASE));
		}
		jdbc.update("""
				insert into generator_progress (phase, target, updated_at) values ('obligations', ?, now())
				on conflict (phase) do update set target = excluded.target, updated_at = excluded.updated_at""",
				sizes.obligations());
	}

	private Report generate(String passwordHash) {
		Instant start = Instant.now();
		checkTotal();
		Agencies agencies = ensureAgencies(passwordHash);
		long[] have = { ObligationData.generated(jdbc), CaseData.generated(jdbc), CreditData.generated(jdbc) };
		long[] targets = { sizes.obligations(), sizes.cases(), sizes.creditEntries() };
		long target = sizes.total();
		long[] done = { Math.min(have[0], targets[0]) + Math.min(have[1], targets[1]) + Math.min(have[2], targets[2]) };
		long[] written = { 0 };
		List<Phase> phases = new ArrayList<>();
		String obligations = ObligationData.statement(layout, sizes.obligations());
		Instant anchor = ObligationData.anchor();
		BiConsumer<Long, Long> obligationChunk = (from, to) -> ObligationData.chunk(jdbc, obligations, anchor, from, to);
		BiConsumer<Long, Long> caseChunk = (from, to) -> CaseData.chunk(jdbc, transactions, layout, from, to);
		BiConsumer<Long, Long> creditChunk = (from, to) -> CreditData.chunk(jdbc, layout, from, to);
		phases.add(phase("obligations", have[0], targets[0], sizes.obligationChunk(), obligationChunk, done, target,
				written, start));
		phases.add(phase("cases", have[1], targets[1], sizes.caseChunk(), caseChunk, done, target, written, start));
		phases.add(phase("credit", have[2], targets[2], sizes.creditChunk(), creditChunk, done, target, written, start));
		if (phases.stream().anyMatch(p -> p.written() > 0)) {
			// fresh statistics for the planner (autovacuum may be off, as on the benchmark server)
			jdbc.execute("analyze obligation");
			jdbc.execute("analyze enforcement_case");
			jdbc.execute("analyze case_access");
			jdbc.execute("analyze credit_entry");
		}
		return new Report(layout, sizes, agencies, phases, Duration.between(start, Instant.now()));
	}

	private Phase phase(String name, long have, long target, int chunk, BiConsumer<Long, Long> write, long[] done,
			long total, long[] written, Instant runStart) {
		Instant start = Instant.now();
		long before = have;
		int chunks = 0;
		while (have < target) {
			long from = have + 1;
			long to = Math.min(have + chunk, target);
			write.accept(from, to);
			chunks++;
			done[0] += to - have;
			written[0] += to - have;
			have = to;
			progress.chunk(name, have, target, done[0], total, written[0], Duration.between(runStart, Instant.now()));
		}
		return new Phase(name, before, have, chunks, Duration.between(start, Instant.now()));
	}
}
