package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.LiandongApplication;
import org.liandong.support.Fixtures;
import org.liandong.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import jakarta.servlet.ServletException;

/**
 * Issue 24, graceful stop and readiness: on a stop an instance turns its readiness false first
 * (503 OUT_OF_SERVICE while it still serves, liandong.shutdown.readiness-drain), lets the jobs it is
 * running end, then refuses new connections and answers the requests already in flight, and exits.
 * The request in flight is a case registration whose body is still being sent when the stop begins:
 * it is answered 201 after new connections are already refused, and the case is in the database,
 * once; a refused registration in flight beside it is answered 400. Each answer is read whole, after
 * Tomcat was made to pause between the release of the servlet and the writing of the answer (or of
 * its rest: Spring MVC flushes a refusal's beginning before).
 */
class GracefulStopIT {

	private static final Duration DRAIN = Duration.ofSeconds(3);

	private static final CountDownLatch jobStarted = new CountDownLatch(1);

	private static volatile Instant jobEnded;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stop() {
		processes.forEach(Process::destroyForcibly);
	}

	/** A job of the kind {@link ClusterSchedule} runs, taking 4 seconds; the stop begins while it runs. */
	private static final OneTimeTask<Void> SLOW_JOB = Tasks.oneTime("graceful-stop-slow-job").execute((instance, context) -> {
		jobStarted.countDown();
		try {
			Thread.sleep(4000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		jobEnded = Instant.now();
	});

	@Test
	void a_stop_turns_readiness_false_first_ends_the_running_job_answers_the_request_in_flight_and_refuses_new_ones()
			throws Exception {
		String database = TestDatabases.fresh();
		Map<String, String> settings = Map.of("spring.datasource.url", database, "spring.datasource.username",
				TestDatabases.username(), "spring.datasource.password", TestDatabases.password(), "server.port", "0",
				"spring.main.banner-mode", "off", "liandong.demo.history.enabled", "false", "liandong.demo.sign-off", "false",
				"liandong.audit.checkpoint-file", "target/audit-checkpoints/graceful-" + System.nanoTime() + ".jsonl",
				"liandong.shutdown.readiness-drain", DRAIN.toString());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LiandongApplication.class).profiles("demo")
			.initializers(c -> {
				((GenericApplicationContext) c).registerBean("gracefulStopSlowJob", OneTimeTask.class, () -> SLOW_JOB);
				((GenericApplicationContext) c).registerBean("gracefulStopPauseBeforeFinish", WebServerFactoryCustomizer.class,
						() -> (WebServerFactoryCustomizer<TomcatServletWebServerFactory>) factory -> factory
							.addEngineValves(new PauseBeforeFinish()));
			})
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		assertThat(readiness(port)).isEqualTo("200 UP");

		context.getBean(Scheduler.class).schedule(SLOW_JOB.instance("1"), Instant.now());
		assertThat(jobStarted.await(30, TimeUnit.SECONDS)).as("the job runs").isTrue();
		String party = Fixtures.unique("平稳停机测试企业");
		try (SlowRegistration inFlight = SlowRegistration.begin(port, party);
				SlowRegistration refused = SlowRegistration.begin(port, "")) {
			Thread.sleep(300);
			Instant stopAsked = Instant.now();
			CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

			Stop stop = observeStop(port);
			assertThat(jobEnded).as("the running job ended before the server refused anyone").isNotNull()
				.isBefore(stop.refusedAt());
			assertThat(Duration.between(stopAsked, stop.refusedAt())).as("served through the readiness drain")
				.isGreaterThanOrEqualTo(DRAIN);
			assertThat(closing).as("the stop waits for the request in flight").isNotDone();

			inFlight.sendRest();
			refused.sendRest();
			assertThat(inFlight.answer()).as("the request in flight is answered in full").isEqualTo(201);
			// a refusal is written by Spring MVC's flush before the servlet is released, its end only after
			assertThat(refused.answer()).as("the refusal in flight is answered in full").isEqualTo(400);
			closing.get(60, TimeUnit.SECONDS);
		}
		assertThat(count(database, "select count(*) from enforcement_case where party_name = '" + party + "'"))
			.as("the case registered during the stop is saved, once").isEqualTo(1);
		assertThat(count(database, "select count(*) from scheduled_tasks where task_name = 'graceful-stop-slow-job'"))
			.as("the job's run recorded as done, not left for another instance to repeat").isZero();
	}

	/**
	 * The packaged application, on PostgreSQL, sent SIGTERM while its ledger scan escalates 5000
	 * missed obligations and a case registration is in flight: readiness false first, the scan runs
	 * to its end, the registration is answered 201, new connections are refused, the process exits
	 * (143, the JVM's status after SIGTERM) with Spring Boot's "Graceful shutdown complete".
	 */
	@Test
	@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
			disabledReason = "the database must outlive the process: runs in the PostgreSQL run of .ci/run")
	void sigterm_to_the_packaged_application_lets_its_scan_and_its_request_in_flight_finish() throws Exception {
		String database = TestDatabases.fresh();
		int port = freePort();
		Path log = Path.of("target", "graceful-stop.log");
		Process process = launch(database, port, log);
		insertMissedObligations(database, 5000);
		await().atMost(Duration.ofSeconds(120)).until(() -> escalated(database) >= LEDGER_BATCH);

		String party = Fixtures.unique("平稳停机进程测试企业");
		Stop stop;
		try (SlowRegistration inFlight = SlowRegistration.begin(port, party)) {
			Thread.sleep(300);
			long escalatedAtSigterm = escalated(database);
			process.destroy();
			assertThat(escalatedAtSigterm).as("the scan was running when SIGTERM came").isLessThan(5000);

			stop = observeStop(port);
			assertThat(process.isAlive()).as("waits for the request in flight").isTrue();
			inFlight.sendRest();
			assertThat(inFlight.answer()).as("the request in flight is answered in full").isEqualTo(201);
		}
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the process exits").isTrue();
		assertThat(process.exitValue()).isEqualTo(143);
		assertThat(Files.readString(log)).contains("Graceful shutdown complete");
		assertThat(escalated(database)).as("the scan ran to its end before the process exited").isEqualTo(5000);
		assertThat(count(database, "select count(*) from enforcement_case where party_name = '" + party + "'"))
			.isEqualTo(1);
		assertThat(stop.readinessFalseAt()).isBefore(stop.refusedAt());
	}

	private static final int LEDGER_BATCH = 200;

	/**
	 * Half a second between the registration's release of the servlet, which is what Spring Boot's
	 * graceful stop waits for, and Tomcat's finish of its response: where the stop used to close the
	 * connection of an answered request before its answer was sent (seen once in CI and once in 94
	 * runs repeated with both processor cores loaded, without the pause).
	 */
	private static final class PauseBeforeFinish extends ValveBase {

		PauseBeforeFinish() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if ("POST".equals(request.getMethod()) && "/api/v1/cases".equals(request.getRequestURI())) {
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	private record Stop(Instant readinessFalseAt, Instant refusedAt) {
	}

	/**
	 * Readiness 503 OUT_OF_SERVICE on new connections while the instance still serves, then new
	 * connections refused.
	 */
	private static Stop observeStop(int port) {
		Instant[] readinessFalse = new Instant[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			String readiness = readiness(port);
			if (readiness.equals("503 OUT_OF_SERVICE")) {
				readinessFalse[0] = Instant.now();
				return true;
			}
			assertThat(readiness).as("readiness turns false before connections are refused").isEqualTo("200 UP");
			return false;
		});
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> refused(port));
		return new Stop(readinessFalse[0], Instant.now());
	}

	/** Status and the readiness group's status, on a new connection; "refused" when none is accepted. */
	private static String readiness(int port) throws InterruptedException {
		// a client of its own each time: a new connection, never one kept alive from before the stop
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<String> reply = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
			return reply.statusCode() + " " + reply.body().replaceAll(".*\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
		}
		catch (IOException e) {
			return "refused";
		}
	}

	private static boolean refused(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			return false;
		}
		catch (ConnectException e) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * A case registration whose body is sent in two halves, the second only when {@link #sendRest()}
	 * is called, by the JDK's HTTP client: its answer counts only when it came whole, the client
	 * failing on a connection that ends before the body's length or last chunk.
	 */
	private static final class SlowRegistration implements AutoCloseable {

		private final SubmissionPublisher<ByteBuffer> sending;

		private final byte[] body;

		private final CompletableFuture<HttpResponse<String>> answer;

		private SlowRegistration(SubmissionPublisher<ByteBuffer> sending, byte[] body,
				CompletableFuture<HttpResponse<String>> answer) {
			this.sending = sending;
			this.body = body;
			this.answer = answer;
		}

		static SlowRegistration begin(int port, String party) {
			byte[] body = """
					{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s",
					 "supervisionLevel": "COUNTY", "divisionCode": "410402", "violationType": "未按规定开展安全教育培训",
					 "severity": "GENERAL", "summary": "停机时仍在发送的立案请求。"}"""
				.formatted(party, Fixtures.uscc("410402"))
				.getBytes(StandardCharsets.UTF_8);
			String credentials = Base64.getEncoder()
				.encodeToString(("xinhua.enforcer:" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
			SubmissionPublisher<ByteBuffer> sending = new SubmissionPublisher<>();
			CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
					.header("Authorization", "Basic " + credentials)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.fromPublisher(sending, body.length))
					.build(), HttpResponse.BodyHandlers.ofString());
			// the client takes the body once it has sent the request's head; what is published before is lost
			await().atMost(Duration.ofSeconds(30)).until(sending::hasSubscribers);
			sending.submit(ByteBuffer.wrap(body, 0, body.length / 2));
			return new SlowRegistration(sending, body, answer);
		}

		void sendRest() {
			sending.submit(ByteBuffer.wrap(body, body.length / 2, body.length - body.length / 2));
			sending.close();
		}

		/** The status of the answer received whole, or null where the connection ended before. */
		Integer answer() throws InterruptedException, TimeoutException {
			try {
				return answer.get(120, TimeUnit.SECONDS).statusCode();
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof IOException) {
					return null;
				}
				throw new IllegalStateException(e.getCause());
			}
		}

		@Override
		public void close() {
			sending.close();
			answer.cancel(true);
		}
	}

	private Process launch(String database, int port, Path log) throws IOException {
		File jar = Arrays.stream(new File("target").listFiles((dir, file) -> file.matches("liandong-.*\\.jar")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the packaged jar is missing: run through ./mvnw verify"));
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-jar", jar.getPath(), "--server.port=" + port, "--spring.datasource.url=" + database,
				"--spring.datasource.username=" + TestDatabases.username(),
				"--spring.datasource.password=" + TestDatabases.password(), "--liandong.oversight.scan-interval=PT0.5S",
				"--db-scheduler.polling-interval=PT0.5S", "--liandong.demo.history.enabled=false", "--liandong.demo.sign-off=false",
				"--liandong.shutdown.readiness-drain=" + DRAIN, "--db-scheduler.shutdown-max-wait=PT150S",
				"--spring.lifecycle.timeout-per-shutdown-phase=PT150S",
				"--liandong.audit.checkpoint-file=target/graceful-stop-checkpoints.jsonl")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		processes.add(process);
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the instance stopped: %s", Files.readString(log)).isTrue();
			try {
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
		return process;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Obligations missed a minute ago, as the modules' events would leave them (see TwoInstancesIT). */
	private static void insertMissedObligations(String database, int count) throws SQLException {
		String[] counties = { "410402", "410403", "410404", "410411", "410421" };
		Instant now = Instant.now();
		try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement("""
				insert into obligation (subject_type, subject_id, obligation, owner_agency, round, subject_name, city_agency,
				    link, opened_at, due_at, state, version)
				values ('graceful', ?, '答复协查请求', ?, 1, ?, '410400', '/oversight', ?, ?, 'OPEN', 0)""")) {
			for (int i = 0; i < count; i++) {
				insert.setLong(1, i);
				insert.setString(2, counties[i % counties.length]);
				insert.setString(3, "平稳停机测试事项 " + i);
				insert.setTimestamp(4, Timestamp.from(now.minus(Duration.ofDays(1))));
				insert.setTimestamp(5, Timestamp.from(now.minus(Duration.ofMinutes(1))));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static long escalated(String database) throws SQLException {
		return count(database,
				"select count(*) from obligation where subject_type = 'graceful' and overdue_at is not null");
	}

	private static long count(String database, String sql) throws SQLException {
		try (Connection connection = connect(database); ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(database, TestDatabases.username(), TestDatabases.password());
	}
}
