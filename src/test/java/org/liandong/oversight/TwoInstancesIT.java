package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.support.TestDatabases;

/**
 * R7.1 on several instances: two application processes on one PostgreSQL database remind and
 * escalate each obligation exactly once between them; an instance killed (SIGKILL) in the middle
 * of its scan loses nothing, because another instance takes over the scan and hands over again
 * the messages the dead one had committed but not delivered. The processes run the packaged jar,
 * as in production.
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "two processes share one database: runs in the PostgreSQL run of .ci/run")
class TwoInstancesIT {

	private static final String[] COUNTIES = { "410402", "410403", "410404", "410411", "410421", "410422", "410423",
			"410425", "410481", "410482" };

	private final List<Process> processes = new ArrayList<>();

	private String url;

	@AfterEach
	void stop() {
		processes.forEach(Process::destroyForcibly);
	}

	@Test
	void two_instances_escalate_each_obligation_once_and_a_killed_one_loses_nothing() throws Exception {
		url = TestDatabases.fresh();
		Process a = start("a");
		Process b = start("b");

		// both instances scan the same ledger
		insert(0, 400, Duration.ofMinutes(-1));
		insert(400, 200, Duration.ofHours(2));
		await().atMost(Duration.ofSeconds(60)).until(() -> count("""
				select count(*) from obligation where subject_type = 'twin' and overdue_at is null and reminded_at is null""")
				== 0);
		assertExactlyOnce(400, 200);

		// one instance alone, killed halfway through a long scan; a new one finishes the work
		b.destroyForcibly().waitFor();
		insert(600, 3000, Duration.ofMinutes(-1));
		await().atMost(Duration.ofSeconds(60)).until(() -> count(
				"select count(*) from obligation where subject_type = 'twin' and subject_id >= 600 and overdue_at is not null")
				>= 300);
		a.destroyForcibly().waitFor();
		long doneByA = count(
				"select count(*) from obligation where subject_type = 'twin' and subject_id >= 600 and overdue_at is not null");
		assertThat(doneByA).as("killed in the middle of its scan").isLessThan(3000);
		start("c");
		await().atMost(Duration.ofSeconds(90)).until(() -> count("""
				select count(*) from obligation where subject_type = 'twin' and overdue_at is null and reminded_at is null""")
				== 0);
		assertExactlyOnce(3400, 200);
		// the messages the killed instance committed but had not delivered are delivered by the new one
		await().atMost(Duration.ofSeconds(60)).until(() -> count("""
				select count(*) from inbox_message where source_type = 'obligation' and source_id like '%:escalated'
				and source_id in (select cast(id as varchar) || ':escalated' from obligation where subject_type = 'twin')""")
				== 3400);
		assertThat(count("""
				select count(*) from inbox_message where source_type = 'obligation' and source_id like '%:reminded'
				and source_id in (select cast(id as varchar) || ':reminded' from obligation where subject_type = 'twin')"""))
			.isEqualTo(200);
	}

	/** Every escalation and reminder left one audit record and one conduct record each, never two. */
	private void assertExactlyOnce(long escalations, long reminders) throws SQLException {
		assertThat(count("""
				select count(*) from audit_record where action = 'OBLIGATION_ESCALATED'
				and object_id in (select cast(id as varchar) from obligation where subject_type = 'twin')"""))
			.isEqualTo(escalations);
		assertThat(count("""
				select count(*) from (select object_id from audit_record where action in ('OBLIGATION_ESCALATED',
				'OBLIGATION_REMINDED') group by action, object_id having count(*) > 1) twice""")).isZero();
		assertThat(count("""
				select count(*) from audit_record where action = 'OBLIGATION_REMINDED'
				and object_id in (select cast(id as varchar) from obligation where subject_type = 'twin')"""))
			.isEqualTo(reminders);
		assertThat(count("""
				select count(*) from conduct_record where kind = 'OVERDUE' and subject_type = 'twin'""")).isEqualTo(escalations);
	}

	private Process start(String name) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		File jar = Arrays.stream(new File("target").listFiles((dir, file) -> file.matches("liandong-.*\\.jar")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the packaged jar is missing: run through ./mvnw verify"));
		Path log = Path.of("target", "two-instances-" + name + ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-jar", jar.getPath(), "--server.port=" + port, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestDatabases.username(),
				"--spring.datasource.password=" + TestDatabases.password(), "--liandong.oversight.scan-interval=PT0.5S",
				"--liandong.oversight.stale-events-after=PT3S", "--db-scheduler.polling-interval=PT0.5S",
				"--db-scheduler.heartbeat-interval=PT1S", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		processes.add(process);
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("instance %s stopped: %s", name, Files.readString(log)).isTrue();
			try {
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
		return process;
	}

	/** Obligations as the modules' events would leave them, owed by the county bureaus in turn. */
	private void insert(int first, int count, Duration dueIn) throws SQLException {
		Instant now = Instant.now();
		try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
				insert into obligation (subject_type, subject_id, obligation, owner_agency, round, subject_name, city_agency,
				    link, opened_at, due_at, state, version)
				values ('twin', ?, '答复协查请求', ?, 1, ?, '410400', '/oversight', ?, ?, 'OPEN', 0)""")) {
			for (int i = first; i < first + count; i++) {
				insert.setLong(1, i);
				insert.setString(2, COUNTIES[i % COUNTIES.length]);
				insert.setString(3, "两实例测试事项 " + i);
				insert.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(1))));
				insert.setTimestamp(5, Timestamp.from(now.plus(dueIn)));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(url, TestDatabases.username(), TestDatabases.password());
	}
}
