package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.LiandongApplication;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.PostgresCluster;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Issue 24, failover (等保 L3 热冗余): a primary and a streaming standby of the test's own on this
 * machine, replication synchronous (a commit is acknowledged once the standby has it on disk). The
 * platform connects with a URL naming both that follows the primary ({@code targetServerType=primary}).
 * Under writes from four API clients and from the ledger's scan (10000 missed obligations being
 * escalated), the primary is killed with SIGKILL, the standby promoted; the platform resumes, every
 * case whose registration was answered 201 is in the new primary, no case and no escalation is there
 * twice, every obligation is escalated once, and the audit chain verifies. The times are written to
 * target/failover/ with the date and machine load; they are reported, not asserted beyond a bound.
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "runs PostgreSQL clusters of its own (initdb, pg_ctl): in the PostgreSQL run of .ci/run")
class FailoverIT {

	private static final int OBLIGATIONS = 10000;

	private static final int CLIENTS = 4;

	private Path workspace;

	private PostgresCluster primary;

	private PostgresCluster standby;

	@AfterEach
	void discard() {
		if (primary != null) {
			primary.discard();
		}
		if (standby != null) {
			standby.discard();
		}
		PostgresCluster.delete(workspace);
	}

	@Test
	void the_platform_follows_the_promoted_standby_and_loses_no_acknowledged_write() throws Exception {
		workspace = PostgresCluster.workspace("failover");
		primary = PostgresCluster.init(workspace.resolve("primary"), "wal_level = replica", "max_wal_senders = 5",
				"max_replication_slots = 5", "synchronous_commit = on");
		primary.start();
		try (Connection connection = primary.connect("postgres")) {
			connection.createStatement().execute("create database liandong");
		}
		// the standby: a copy of the primary, streaming from it through a slot
		Path standbyDirectory = workspace.resolve("standby");
		PostgresCluster.run(PostgresCluster.bin().resolve("pg_basebackup").toString(), "-d",
				"host=127.0.0.1 port=" + primary.port() + " user=postgres", "-D", standbyDirectory.resolve("data").toString(),
				"-X", "stream", "-C", "-S", "standby1", "--checkpoint=fast");
		Files.writeString(standbyDirectory.resolve("data/standby.signal"), "");
		standby = PostgresCluster.existing(standbyDirectory, "hot_standby = on",
				"primary_conninfo = 'host=127.0.0.1 port=" + primary.port() + " user=postgres application_name=standby1'",
				"primary_slot_name = 'standby1'");
		standby.start();
		try (Connection connection = primary.connect("postgres")) {
			connection.createStatement().execute("alter system set synchronous_standby_names = 'standby1'");
			connection.createStatement().execute("select pg_reload_conf()");
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> "sync".equals(queryOn(primary, "postgres",
				"select coalesce(max(sync_state), '') from pg_stat_replication where application_name = 'standby1'")));

		String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
				+ "/liandong?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=3";
		try (ConfigurableApplicationContext platform = start(url)) {
			int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
			insertMissedObligations(OBLIGATIONS);

			Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
			Set<String> sentParties = ConcurrentHashMap.newKeySet();
			AtomicInteger failed = new AtomicInteger();
			AtomicReference<Instant> killedAt = new AtomicReference<>();
			AtomicReference<Instant> resumedAt = new AtomicReference<>();
			List<String> failuresAfterResume = new ArrayList<>();
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> clients = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				clients.add(pool.submit(() -> {
					Api xinhua = Api.at(port).as("xinhua.enforcer", Fixtures.PASSWORD);
					for (int call = 0; !stop.get(); call++) {
						Instant begun = Instant.now();
						String party = "故障切换测试企业 " + client + "-" + call;
						sentParties.add(party);
						Reply reply;
						try {
							reply = xinhua.post("/api/v1/cases", caseBody(party));
						}
						catch (IllegalStateException connectionLost) {
							reply = null;
						}
						if (reply != null && reply.status() == 201) {
							acknowledged.add(reply.json().path("id").asLong());
							if (killedAt.get() != null && begun.isAfter(killedAt.get())) {
								resumedAt.compareAndSet(null, Instant.now());
							}
						}
						else {
							failed.incrementAndGet();
							Instant resumed = resumedAt.get();
							if (resumed != null && begun.isAfter(resumed.plusSeconds(5))) {
								synchronized (failuresAfterResume) {
									failuresAfterResume.add(reply == null ? "connection lost" : reply.status() + " " + reply.body());
								}
							}
						}
					}
					return null;
				}));
			}

			// the scan is escalating and the clients writing: the primary is lost
			await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 20 && escalated(primary) >= 200);
			long escalatedBefore = escalated(primary);
			int acknowledgedBefore = acknowledged.size();
			killedAt.set(Instant.now());
			primary.kill();
			Instant killed = killedAt.get();
			standby.promote();
			Instant promoted = Instant.now();
			await().atMost(Duration.ofSeconds(120)).until(() -> resumedAt.get() != null);
			// ten more seconds of writes on the new primary, then the clients stop
			Thread.sleep(10_000);
			stop.set(true);
			for (Future<?> client : clients) {
				client.get(120, TimeUnit.SECONDS);
			}
			pool.shutdown();

			Duration toResume = Duration.between(killed, resumedAt.get());
			Duration afterPromotion = Duration.between(promoted, resumedAt.get());
			report(killed, Duration.between(killed, promoted), afterPromotion, toResume, acknowledgedBefore,
					acknowledged.size(), failed.get(), escalatedBefore);

			assertThat(afterPromotion).as("resumed within a bounded time of the promotion").isLessThan(Duration.ofSeconds(60));
			assertThat(failuresAfterResume).as("every call answered once the platform resumed").isEmpty();
			assertThat(countOn(standby, "select count(*) from enforcement_case where id in ("
					+ acknowledged.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"))
				.as("every registration answered 201 is in the new primary").isEqualTo(acknowledged.size());
			assertThat(countOn(standby, """
					select count(*) from (select party_name from enforcement_case where party_name like '故障切换测试企业 %'
					group by party_name having count(*) > 1) twice""")).as("no registration saved twice").isZero();
			assertThat(countOn(standby, "select count(*) from (select number from enforcement_case group by number "
					+ "having count(*) > 1) twice")).as("no case number given twice").isZero();

			// the scan goes on on the new primary: every missed obligation escalated, once
			await().atMost(Duration.ofSeconds(120)).until(() -> escalated(standby) == OBLIGATIONS);
			// their audit records are chained moments after their commits (issue 18), those waiting at the loss of
			// the primary once the new one answers
			await().atMost(Duration.ofSeconds(60)).until(() -> countOn(standby, "select count(*) from audit_pending") == 0);
			assertThat(countOn(standby, """
					select count(*) from (select object_id from audit_record where action = 'OBLIGATION_ESCALATED'
					group by object_id having count(*) > 1) twice""")).as("no escalation recorded twice").isZero();
			assertThat(countOn(standby, """
					select count(*) from audit_record where action = 'OBLIGATION_ESCALATED'
					and object_id in (select cast(id as varchar) from obligation where subject_type = 'failover')"""))
				.isEqualTo(OBLIGATIONS);
			assertThat(countOn(standby, "select count(*) from conduct_record where kind = 'OVERDUE' and subject_type = 'failover'"))
				.isEqualTo(OBLIGATIONS);

			JsonNode verification = Api.at(port).as("auditor", Fixtures.PASSWORD).get("/api/v1/audit/verification").json();
			assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
		}
	}

	private static String caseBody(String party) {
		return """
				{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s",
				 "supervisionLevel": "COUNTY", "divisionCode": "410402", "violationType": "未按规定开展安全教育培训",
				 "severity": "GENERAL", "summary": "主库失效、备库提升期间受理的立案。"}""".formatted(party, Fixtures.uscc("410402"));
	}

	/** The figures of this run, in target/failover/, with the date, the commit and the machine's load. */
	private static void report(Instant killed, Duration toPromotion, Duration afterPromotion, Duration toResume,
			int acknowledgedBefore, int acknowledged, int failed, long escalatedBefore) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "failover"));
		String commit;
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (IOException e) {
			commit = "unknown";
		}
		String text = """
				FailoverIT %s, commit %s, %d processors, load average %.2f
				primary killed (SIGKILL) at %s with %d registrations acknowledged and %d of %d obligations escalated
				standby promoted %d ms after the kill
				first registration begun after the kill and answered 201: %d ms after the kill, %d ms after the promotion
				registrations acknowledged in all: %d; calls not answered 201 (connection lost or 5xx): %d
				""".formatted(Instant.now(), commit, Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), killed, acknowledgedBefore,
				escalatedBefore, OBLIGATIONS, toPromotion.toMillis(), toResume.toMillis(), afterPromotion.toMillis(),
				acknowledged, failed);
		Files.writeString(dir.resolve("failover-" + killed.toEpochMilli() + ".txt"), text);
		System.out.println(text);
	}

	private static ConfigurableApplicationContext start(String url) {
		Map<String, String> settings = Map.ofEntries(Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", "postgres"), Map.entry("spring.datasource.password", ""),
				Map.entry("server.port", "0"), Map.entry("spring.main.banner-mode", "off"),
				Map.entry("liandong.demo.history.enabled", "false"), Map.entry("liandong.demo.sign-off", "false"), Map.entry("liandong.oversight.scan-interval", "PT0.5S"),
				Map.entry("liandong.oversight.stale-events-after", "PT3S"),
				Map.entry("db-scheduler.polling-interval", "PT0.5S"), Map.entry("db-scheduler.heartbeat-interval", "PT1S"),
				Map.entry("liandong.audit.checkpoint-file", "target/audit-checkpoints/failover-" + System.nanoTime() + ".jsonl"));
		return new SpringApplicationBuilder(LiandongApplication.class).profiles("demo")
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	/** Obligations missed a minute ago, as the modules' events would leave them (see TwoInstancesIT). */
	private void insertMissedObligations(int count) throws SQLException {
		String[] counties = { "410402", "410403", "410404", "410411", "410421" };
		Instant now = Instant.now();
		try (Connection connection = primary.connect("liandong"); PreparedStatement insert = connection.prepareStatement("""
				insert into obligation (subject_type, subject_id, obligation, owner_agency, round, subject_name, city_agency,
				    link, opened_at, due_at, state, version)
				values ('failover', ?, '答复协查请求', ?, 1, ?, '410400', '/oversight', ?, ?, 'OPEN', 0)""")) {
			for (int i = 0; i < count; i++) {
				insert.setLong(1, i);
				insert.setString(2, counties[i % counties.length]);
				insert.setString(3, "故障切换测试事项 " + i);
				insert.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(1))));
				insert.setTimestamp(5, Timestamp.from(now.minus(Duration.ofMinutes(1))));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static long escalated(PostgresCluster cluster) throws SQLException {
		return countOn(cluster, "select count(*) from obligation where subject_type = 'failover' and overdue_at is not null");
	}

	private static long countOn(PostgresCluster cluster, String sql) throws SQLException {
		return Long.parseLong(queryOn(cluster, "liandong", sql));
	}

	private static String queryOn(PostgresCluster cluster, String database, String sql) throws SQLException {
		try (Connection connection = cluster.connect(database); ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
