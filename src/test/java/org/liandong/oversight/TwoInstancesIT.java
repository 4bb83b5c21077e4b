package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.TestDatabases;

/**
 * R7.1 on several instances: two application processes on one PostgreSQL database remind and
 * escalate each obligation exactly once between them; an instance killed (SIGKILL) in the middle
 * of its scan loses nothing, because another instance takes over the scan and hands over again
 * the messages the dead one had committed but not delivered. The processes run the packaged jar,
 * as in production. The same processes under HTTP load, one killed, keep every acknowledged write
 * and share page sessions (issue 10).
 */
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "two processes share one database: runs in the PostgreSQL run of .ci/run")
class TwoInstancesIT {

	private static final String PASSWORD = Fixtures.PASSWORD;

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

	/**
	 * Issue 10: clients spread their writes over two instances, one of which is killed (SIGKILL) in the
	 * middle; every write a client was answered 2xx for is in the database, the survivor goes on
	 * serving, and a page session opened on one instance is accepted by the other (sessions in the
	 * database).
	 */
	@Test
	void writes_acknowledged_by_either_instance_survive_a_killed_one_and_sessions_are_shared() throws Exception {
		url = TestDatabases.fresh();
		Instance a = launch("load-a");
		Instance b = launch("load-b");

		// a person signs in on A; B accepts the session cookie and serves the person's home page
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=xinhua.enforcer&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in on A").endsWith("/");
		// cookies belong to the host, not the port: the same browser now asks B
		HttpResponse<String> onB = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + b.port() + "/"))
			.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).as("B knows the session opened on A: %s", onB.headers().map()).isEqualTo(200);
		assertThat(onB.body()).contains("/logout");

		// four clients alternate between the instances; A is killed while they write
		int clients = 4;
		int callsEach = 40;
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger survivorCallsAfterKill = new AtomicInteger();
		List<String> survivorFailures = new CopyOnWriteArrayList<>();
		AtomicBoolean killed = new AtomicBoolean();
		CountDownLatch halfway = new CountDownLatch(clients * callsEach / 3);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			running.add(pool.submit(() -> {
				Api onA = Api.at(a.port()).as("xinhua.enforcer", PASSWORD);
				Api onSurvivor = Api.at(b.port()).as("xinhua.enforcer", PASSWORD);
				for (int i = 0; i < callsEach; i++) {
					boolean toA = (i + client) % 2 == 0;
					boolean afterKill = killed.get();
					try {
						Reply reply = (toA ? onA : onSurvivor).post("/api/v1/cases", caseBody(client, i));
						if (reply.status() / 100 == 2) {
							acknowledged.add(reply.json().path("id").asLong());
						}
						else if (!toA) {
							survivorFailures.add(reply.status() + " " + reply.body());
						}
					}
					catch (IllegalStateException connectionLost) {
						if (!toA) {
							survivorFailures.add(String.valueOf(connectionLost));
						}
					}
					if (!toA && afterKill) {
						survivorCallsAfterKill.incrementAndGet();
					}
					halfway.countDown();
				}
				return null;
			}));
		}
		assertThat(halfway.await(120, TimeUnit.SECONDS)).as("a third of the writes done").isTrue();
		a.process().destroyForcibly().waitFor();
		killed.set(true);
		for (Future<?> client : running) {
			client.get(180, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(survivorFailures).as("the survivor answered every call").isEmpty();
		assertThat(survivorCallsAfterKill.get()).as("calls served by B after A died").isPositive();
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(clients * callsEach / 2);
		assertThat(count("select count(*) from enforcement_case where id in ("
				+ acknowledged.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"))
			.as("every acknowledged case is in the database").isEqualTo(acknowledged.size());
		assertThat(count("select count(*) from (select number from enforcement_case group by number having count(*) > 1) twice"))
			.as("no case number given twice").isZero();
		Reply after = Api.at(b.port()).as("xinhua.enforcer", PASSWORD).post("/api/v1/cases", caseBody(99, 0));
		assertThat(after.status()).as(after.body()).isEqualTo(201);
		assertThat(browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + b.port() + "/"))
			.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("the page session outlived the instance it was opened on").isEqualTo(200);
	}

	private static String caseBody(int client, int call) {
		return """
				{"partyKind": "ENTERPRISE", "partyName": "两实例负载测试企业 %d-%d", "partyUscc": "%s",
				 "supervisionLevel": "COUNTY", "divisionCode": "410402", "violationType": "未按规定开展安全教育培训",
				 "severity": "GENERAL", "summary": "两个实例同时受理立案，其中一个中途被终止。"}"""
			.formatted(client, call, Fixtures.uscc("410402"));
	}

	/** Every escalation and reminder left one audit record and one conduct record each, never two. */
	private void assertExactlyOnce(long escalations, long reminders) throws SQLException {
		// audit records are chained moments after their commits (issue 18); those a killed instance left
		// pending, by another instance's sweep
		await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from audit_pending") == 0);
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

	private record Instance(Process process, int port) {
	}

	private Process start(String name) throws IOException {
		return launch(name).process();
	}

	private Instance launch(String name) throws IOException {
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
				"--liandong.audit.orphan-after=PT5S", "--liandong.audit.sweep-interval=PT1S",
				"--db-scheduler.heartbeat-interval=PT1S", "--logging.level.root=WARN",
				"--liandong.demo.history.enabled=false", "--liandong.demo.sign-off=false",
				"--liandong.audit.checkpoint-file=target/two-instances-" + name + "-checkpoints.jsonl")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		processes.add(process);
		HttpClient http = HttpClient.newHttpClient();
		// a start takes over a minute on a busy two-core machine running the other instance and the database
		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("instance %s stopped: %s", name, Files.readString(log)).isTrue();
			try {
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
		return new Instance(process, port);
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
