package org.liandong.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.liandong.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The province generator (issue 10) at a two-thousandth of its size on a fresh, migrated PostgreSQL
 * schema: stopped after a few chunks as a killed process would be, run again, and run a third time
 * (and refused at another scale, which would lay the ledger out differently);
 * the counts are exact (nothing duplicated, nothing skipped), the rows are the application's (valid
 * credit codes, a bureau's access rows for each case) and the distributions plausible (a few busy
 * bureaus, most obligations met on time, every city owning obligations).
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "the generator writes PostgreSQL statements: runs in the PostgreSQL run of .ci/run")
class ProvinceGeneratorIT {

	private static final class Crash extends RuntimeException {
	}

	@Test
	void an_interrupted_run_resumes_with_exact_counts_and_plausible_distributions() {
		String url = TestDatabases.fresh();
		Matcher schema = Pattern.compile("currentSchema=([^&,]+)").matcher(url);
		assertThat(schema.find()).isTrue();
		Flyway.configure()
			.dataSource(url, TestDatabases.username(), TestDatabases.password())
			.defaultSchema(schema.group(1))
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			// the role the application would connect as (V30_1): here the one that migrates
			.placeholders(Map.of("runtime_role", TestDatabases.username()))
			.load()
			.migrate();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, TestDatabases.username(),
				TestDatabases.password());
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		Layout layout = Layout.province();
		Sizes sizes = Sizes.scaled(0.0005);
		assertThat(sizes).isEqualTo(new Sizes(5_000, 500, 500, 500, 100, 100));
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("Generated@2026");

		// killed after the 13th chunk: the ten of the obligations and three of the cases are committed
		List<String> seen = new ArrayList<>();
		Progress crashing = (phase, phaseDone, phaseTarget, done, target, written, elapsed) -> {
			seen.add(phase + " " + phaseDone);
			if (seen.size() == 13) {
				throw new Crash();
			}
		};
		assertThatThrownBy(() -> new ProvinceGenerator(jdbc, transactions, layout, sizes, crashing).run(hash))
			.isInstanceOf(Crash.class);
		assertThat(seen).startsWith("obligations 500", "obligations 1000").endsWith("cases 300");
		assertThat(ObligationData.generated(jdbc)).isEqualTo(5_000);
		assertThat(CaseData.generated(jdbc)).isEqualTo(300);
		assertThat(CreditData.generated(jdbc)).isZero();

		// the rerun continues with the fourth chunk of the cases
		List<String> resumed = new ArrayList<>();
		ProvinceGenerator.Report second = new ProvinceGenerator(jdbc, transactions, layout, sizes,
				(phase, phaseDone, phaseTarget, done, target, written, elapsed) -> resumed.add(phase + " " + phaseDone))
			.run(hash);
		assertThat(resumed).startsWith("cases 400", "cases 500", "credit 100").hasSize(7);
		assertThat(second.phases()).extracting(ProvinceGenerator.Phase::written).containsExactly(0L, 200L, 500L);
		assertThat(second.agencies()).isEqualTo(new ProvinceGenerator.Agencies(0, 0, 0));

		// and a third run finds everything there
		ProvinceGenerator.Report third = new ProvinceGenerator(jdbc, transactions, layout, sizes,
				(phase, phaseDone, phaseTarget, done, target, written, elapsed) -> {
					throw new AssertionError("nothing left to write, yet " + phase + " wrote a chunk");
				})
			.run(hash);
		assertThat(third.written()).isZero();

		// another scale would lay the rest of the ledger out differently in time: refused, nothing written
		assertThatThrownBy(() -> new ProvinceGenerator(jdbc, transactions, layout, Sizes.scaled(0.001),
				(phase, phaseDone, phaseTarget, done, target, written, elapsed) -> {
				}).run(hash))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("laid out for a ledger of 5,000 rows, not 10,000");

		// exact counts: every row once
		assertThat(count(jdbc, "select count(*) from obligation")).isEqualTo(5_000);
		assertThat(count(jdbc, "select count(distinct subject_id) from obligation")).isEqualTo(5_000);
		assertThat(count(jdbc, "select min(subject_id) - %d from obligation".formatted(ObligationData.BASE))).isEqualTo(1);
		assertThat(count(jdbc, "select max(subject_id) - %d from obligation".formatted(ObligationData.BASE))).isEqualTo(5_000);
		assertThat(count(jdbc, "select count(*) from enforcement_case")).isEqualTo(500);
		assertThat(count(jdbc, "select count(distinct registered_seq) from enforcement_case")).isEqualTo(500);
		assertThat(count(jdbc, "select count(*) from case_participant")).isEqualTo(500);
		assertThat(count(jdbc, "select count(*) from case_access where access = 'FULL'")).isEqualTo(500);
		assertThat(count(jdbc, "select count(*) from case_notification")).isEqualTo(25);
		assertThat(count(jdbc, "select count(*) from case_access where access = 'SUMMARY'")).isEqualTo(25);
		assertThat(count(jdbc, "select count(*) from case_notification where from_agency = to_agency")).isZero();
		assertThat(count(jdbc, "select count(*) from credit_entry")).isEqualTo(500);
		assertThat(count(jdbc, "select count(distinct subject_uscc) from credit_entry")).isEqualTo(500);

		// the province as the application expects it
		assertThat(count(jdbc, "select count(*) from division where level = 'CITY' and parent_code = '410000'")).isEqualTo(17);
		assertThat(count(jdbc, "select count(*) from agency where kind = 'CITY_BUREAU'")).isEqualTo(17);
		assertThat(count(jdbc, "select count(*) from agency where kind = 'LEGAL_OFFICE'")).isEqualTo(17);
		assertThat(count(jdbc, "select count(*) from agency where kind = 'COUNTY_BUREAU'")).isEqualTo(156);
		assertThat(count(jdbc, """
				select count(*) from agency a join agency p on p.id = a.parent_id join division d on d.code = a.division_code
				where a.kind = 'COUNTY_BUREAU' and p.kind = 'CITY_BUREAU' and d.parent_code = p.code""")).isEqualTo(156);
		assertThat(count(jdbc, "select count(*) from user_account")).isEqualTo(2 * 17 + 2 * 156);
		assertThat(count(jdbc, "select count(*) from user_role where role = 'ENFORCER'")).isEqualTo(156);
		assertThat(count(jdbc, "select count(*) from user_role where role = 'LEGAL_OFFICER'")).isEqualTo(17);
		assertThat(count(jdbc, """
				select count(*) from user_account u join agency a on a.id = u.agency_id
				where u.username = 'g410402.enforcer' and a.code = '410402'""")).isEqualTo(1);

		// every owner's city is the city above it
		assertThat(count(jdbc, """
				select count(*) from obligation o join agency a on a.code = o.owner_agency join agency p on p.id = a.parent_id
				where p.code <> o.city_agency""")).isZero();
		assertThat(count(jdbc, "select count(distinct city_agency) from obligation")).isEqualTo(17);
		assertThat(count(jdbc, "select count(distinct owner_agency) from obligation")).isGreaterThan(140);

		// a few bureaus much busier than the others
		List<Long> perOwner = jdbc.queryForList(
				"select count(*) from obligation group by owner_agency order by 1 desc", Long.class);
		assertThat(perOwner.get(0)).as("busiest bureau's obligations against the median's")
			.isGreaterThan(3 * perOwner.get(perOwner.size() / 2));
		List<Long> casesPerBureau = jdbc.queryForList(
				"select count(*) from enforcement_case group by registering_agency order by 1 desc", Long.class);
		assertThat(casesPerBureau.get(0)).as("busiest bureau's cases").isGreaterThan(20);
		assertThat(casesPerBureau.size()).as("bureaus with cases").isGreaterThan(80);

		// most obligations met on time, some late, a few cancelled
		Map<String, Object> outcome = jdbc.queryForMap("""
				select count(*) filter (where state = 'MET' and settled_at <= due_at)::float8 / count(*) as on_time,
				       count(*) filter (where state = 'MET' and settled_at > due_at)::float8 / count(*) as late,
				       count(*) filter (where state = 'CANCELLED')::float8 / count(*) as cancelled,
				       count(*) filter (where state = 'OPEN') as open
				from obligation""");
		assertThat((Double) outcome.get("on_time")).isBetween(0.70, 0.90);
		assertThat((Double) outcome.get("late")).isBetween(0.07, 0.17);
		assertThat((Double) outcome.get("cancelled")).isBetween(0.02, 0.08);
		assertThat((Long) outcome.get("open")).isPositive();

		// the list: valid codes, mostly published
		jdbc.queryForList("select subject_uscc from credit_entry order by id limit 50", String.class)
			.forEach(code -> assertThat(UnifiedSocialCreditCode.problem(code)).as(code).isNull());
		assertThat(count(jdbc, "select count(*) from credit_entry where state = 'PUBLISHED'")).isEqualTo(350);
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}
}
