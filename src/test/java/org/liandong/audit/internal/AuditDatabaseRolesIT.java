package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.audit.AuditCheckpoints;
import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditVerifications;
import org.liandong.audit.AuditVerifications.State;
import org.liandong.audit.AuditVerifications.Verification;
import org.liandong.support.MovableClock;
import org.liandong.support.ProductionInstallation;
import org.liandong.support.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19 (X1) on PostgreSQL: Flyway runs as the owner of the schema, the application as a runtime
 * role that may read and append the audit trail and nothing more. As that role, changing or
 * deleting a record, moving the chain's start, disabling the trigger, the purge's bypass setting and
 * any DDL are refused; the retention purge, through the owner's function audit_purge, removes only
 * records past the retention, never one younger than six months whatever it is asked, and the chain
 * still verifies. The application is installed in the prod profile on a schema of its own
 * (liandong_prod_*, dropped by .ci/run) whose records start eight months back: its clock is moved.
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "database roles are PostgreSQL's: runs in the PostgreSQL run of .ci/run")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditDatabaseRolesIT {

	static final String OWNER = "liandong_it_owner";

	static final String RUNTIME = "liandong_it_runtime";

	final MovableClock clock = new MovableClock(Instant.now().minus(Duration.ofDays(240)));

	String schema;

	String url;

	ConfigurableApplicationContext app;

	@BeforeAll
	void install() throws SQLException {
		String suite = System.getProperty("spring.datasource.url");
		schema = "liandong_prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(suite, TestDatabases.username(), TestDatabases.password());
				Statement sql = admin.createStatement()) {
			for (String role : new String[] { OWNER, RUNTIME }) {
				sql.execute("""
						do $$ begin
						    if not exists (select from pg_roles where rolname = '%s') then
						        create role %s login nosuperuser nocreatedb nocreaterole;
						    end if;
						end $$""".formatted(role, role));
			}
			// an extension lives once per database; V5_1 only uses it when it is there
			sql.execute("create extension if not exists pg_trgm with schema public");
			sql.execute("create schema %s authorization %s".formatted(schema, OWNER));
		}
		url = suite.replaceFirst("currentSchema=[^&,]*", "currentSchema=" + schema);
		Map<String, Object> settings = ProductionInstallation.settings(url);
		settings.put("LIANDONG_DB_USERNAME", RUNTIME);
		settings.put("spring.datasource.username", RUNTIME);
		settings.put("LIANDONG_DB_OWNER_USERNAME", OWNER);
		settings.put("LIANDONG_DB_OWNER_PASSWORD", "");
		settings.put("liandong.audit.retention", "6m");
		settings.put("db-scheduler.polling-interval", "1s");
		app = ProductionInstallation.start(settings, context -> ((GenericApplicationContext) context)
			.registerBean("movedClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
	}

	@AfterAll
	void uninstall() throws SQLException {
		if (app != null) {
			app.close();
		}
		admin("drop schema if exists %s cascade".formatted(schema));
	}

	@Test
	void flyway_ran_as_the_owner_and_the_application_runs_as_the_runtime_role() throws SQLException {
		assertThat(jdbc().sql("select current_user").query(String.class).single()).isEqualTo(RUNTIME);
		try (Connection runtime = runtime(); Statement sql = runtime.createStatement()) {
			var owners = sql.executeQuery("""
					select count(*) filter (where tableowner = '%s'), count(*) from pg_tables where schemaname = '%s'"""
				.formatted(OWNER, schema));
			owners.next();
			assertThat(owners.getLong(1)).as("every table is the owner's").isEqualTo(owners.getLong(2)).isPositive();
		}
		// and yet the application appends, as the runtime role: the installation's records, a checkpoint
		trail().recordAs("system", null, "TEST_RUNTIME", "test", "1", "以运行角色写入");
		trail().chainPending();
		assertThat(app.getBean(AuditCheckpoints.class).make()).isPresent();
	}

	@Test
	void the_runtime_role_can_neither_change_nor_delete_audit_records() throws SQLException {
		trail().chainPending();
		long seq = jdbc().sql("select max(seq) from audit_record").query(Long.class).single();

		assertRefused("update audit_record set detail = '改写' where seq = " + seq, "permission denied");
		assertRefused("delete from audit_record where seq = " + seq, "permission denied");
		assertRefused("truncate audit_record", "permission denied");
		assertRefused("update audit_chain_head set first_seq = first_seq + 1", "permission denied");
		assertRefused("update audit_checkpoint set signature = 'x'", "permission denied");
		assertRefused("delete from audit_checkpoint", "permission denied");
		assertThat(jdbc().sql("select count(*) from audit_record where seq = ?").param(seq).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void the_runtime_role_can_neither_switch_the_trigger_off_nor_change_the_schema() {
		assertRefused("alter table audit_record disable trigger audit_record_no_update_or_delete", "must be owner");
		assertRefused("alter table audit_record disable trigger all", "must be owner");
		assertRefused("drop trigger audit_record_no_update_or_delete on audit_record", "must be owner");
		assertRefused("set session_replication_role = replica", "permission denied");
		assertRefused("create table audit_record_copy (seq bigint)", "permission denied");
		assertRefused("delete from flyway_schema_history", "permission denied");
		assertRefused("create or replace function audit_record_append_only() returns trigger language plpgsql "
				+ "as $$ begin return old; end $$", "permission denied for schema");
	}

	@Test
	void the_purge_setting_lets_the_runtime_role_delete_nothing() throws SQLException {
		trail().chainPending();
		long seq = jdbc().sql("select min(seq) from audit_record").query(Long.class).single();

		assertThat(deleteWithThePurgeSetting(seq)).contains("permission denied");
		// and were it granted DELETE by mistake, the trigger lets only the owner's purge through
		admin("grant delete on %s.audit_record to %s".formatted(schema, RUNTIME));
		try {
			assertThat(deleteWithThePurgeSetting(seq)).contains("append-only");
		}
		finally {
			admin("revoke delete on %s.audit_record from %s".formatted(schema, RUNTIME));
		}
		assertThat(jdbc().sql("select count(*) from audit_record where seq = ?").param(seq).query(Long.class).single())
			.isEqualTo(1);
	}

	/** What V26_1 let through: the session says it is the purge, and deletes; the database's answer. */
	private String deleteWithThePurgeSetting(long seq) throws SQLException {
		try (Connection runtime = runtime()) {
			runtime.setAutoCommit(false);
			try (Statement sql = runtime.createStatement()) {
				sql.execute("select set_config('liandong.audit_purge', 'on', true)");
				return "deleted " + sql.executeUpdate("delete from audit_record where seq = " + seq);
			}
			catch (SQLException refused) {
				return refused.getMessage();
			}
			finally {
				runtime.rollback();
			}
		}
	}

	@Test
	void the_purge_removes_only_records_past_the_retention_and_the_chain_still_verifies() throws SQLException {
		// eight months ago: the installation's records, a checkpoint, one more record and another checkpoint
		AuditCheckpoints checkpoints = app.getBean(AuditCheckpoints.class);
		checkpoints.make();
		trail().recordAs("system", null, "TEST_OLD", "test", "1", "已过保存期限的记录");
		trail().chainPending();
		checkpoints.make();
		// from now on the application's clock is today's
		clock.advance(Duration.between(clock.instant(), Instant.now()));
		trail().recordAs("system", null, "TEST_RECENT", "test", "1", "保存期限内的记录");
		trail().recordAs("system", null, "TEST_RECENT", "test", "2", "保存期限内的记录");
		trail().chainPending();
		long firstRecent = jdbc().sql("select min(seq) from audit_record where action = 'TEST_RECENT'")
			.query(Long.class).single();
		long olderThanSixMonths = jdbc().sql("select count(*) from audit_record where occurred_at < now() - interval '6 months'")
			.query(Long.class).single();
		assertThat(olderThanSixMonths).isPositive();

		long removed = app.getBean(AuditRetention.class).purge();
		// the purge's own record, chained after its commit
		trail().chainPending();

		assertThat(removed).isEqualTo(olderThanSixMonths);
		assertThat(jdbc().sql("select min(seq) from audit_record").query(Long.class).single()).isEqualTo(firstRecent);
		assertThat(jdbc().sql("select count(*) from audit_record where occurred_at < now() - interval '6 months'")
			.query(Long.class).single()).isZero();

		// asked by the runtime role for everything up to tomorrow, the function removes nothing younger than six months
		long kept = jdbc().sql("select count(*) from audit_record").query(Long.class).single();
		try (Connection runtime = runtime(); Statement sql = runtime.createStatement()) {
			var answer = sql.executeQuery("select count(*) from audit_purge(now() + interval '1 day')");
			answer.next();
			assertThat(answer.getLong(1)).as("rows of removals").isZero();
		}
		assertThat(jdbc().sql("select count(*) from audit_record").query(Long.class).single()).isEqualTo(kept);

		AuditTrail.ChainVerification verified = trail().verify();
		assertThat(verified.intact()).as(verified.problem()).isTrue();
		AuditVerifications verifications = app.getBean(AuditVerifications.class);
		long id = verifications.start(true, "auditor").id();
		await().atMost(Duration.ofSeconds(60)).until(() -> verifications.find(id).state() == State.DONE);
		Verification background = verifications.find(id);
		assertThat(background.intact()).as(background.problem()).isTrue();
		assertThat(background.checkpointsChecked()).as("the two made eight months ago, whose records were purged")
			.isGreaterThanOrEqualTo(2);
	}

	private void assertRefused(String statement, String reason) {
		assertThatThrownBy(() -> {
			try (Connection runtime = runtime(); Statement sql = runtime.createStatement()) {
				sql.execute(statement);
			}
		}).as(statement).isInstanceOf(SQLException.class).hasMessageContaining(reason);
	}

	private void admin(String statement) throws SQLException {
		try (Connection admin = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				TestDatabases.username(), TestDatabases.password()); Statement sql = admin.createStatement()) {
			sql.execute(statement);
		}
	}

	private Connection runtime() throws SQLException {
		return DriverManager.getConnection(url, RUNTIME, "");
	}

	private JdbcClient jdbc() {
		return app.getBean(JdbcClient.class);
	}

	private AuditTrail trail() {
		return app.getBean(AuditTrail.class);
	}
}
