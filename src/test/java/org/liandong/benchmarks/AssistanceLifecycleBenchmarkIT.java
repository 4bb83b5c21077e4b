package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.audit.AuditTrail;
import org.liandong.cases.Cases;
import org.liandong.cases.NewCase;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.SignedInUser;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.StatementCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many whole assistance requests (R2.4) the platform carries per second: drafted and sent by
 * 新华区, accepted and answered by 卫东区, confirmed by 新华区, each step in its own transaction with
 * its audit record and its inbox delivery, as the application does them. Measured with 32
 * concurrent clients twice, through the module's facade (in process) and through the REST API
 * (HTTP Basic on loopback), next to what pgbench reaches on the same database with a transaction
 * shaped like one step (a row and a hash-chained audit row under the chain-head lock). Not a timed
 * test: it writes the figures to target/benchmarks and docs/benchmarks and fails only when
 * requests did not end confirmed, deliveries did not arrive or pgbench is missing. Run with
 * {@code ./mvnw verify -Pbenchmark}; {@code -Dliandong.bench.lifecycle.seconds=N} sets the
 * measured time of each part, {@code -Dliandong.bench.lifecycle.warmup-seconds=N} the warm-up,
 * {@code -Dliandong.bench.lifecycle.jit-seconds=N} the least of the unmeasured run before it, which goes on until
 * the JIT has settled ({@link JitWarmUp}; 30; 0 for none),
 * {@code -Dliandong.bench.lifecycle.clients=N} the clients (32).
 */
@Tag("benchmark")
@LiandongIntegrationTest
class AssistanceLifecycleBenchmarkIT {

	/** Issue 18's P2 is stated for 32 clients; fewer show the profile of a machine that is not saturated. */
	private static final int CLIENTS = Integer.getInteger("liandong.bench.lifecycle.clients", 32);

	/** The transactions of one lifecycle: create, send, accept, answer, confirm. */
	private static final int STEPS = 5;

	/** Inbox messages of one lifecycle: the counterpart hears of send, accept, answer and confirm. */
	private static final int DELIVERIES = 4;

	private static final String REQUESTER = "xinhua.enforcer";

	private static final String ASSISTING = "weidong.enforcer";

	private static final String ASSISTING_AGENCY = "410403";

	private static final String SCRATCH = "liandong_pgbench";

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String MATTERS = "1. 核实该企业在贵辖区的经营场所及从业人员情况；2. 调取安全教育培训档案。";

	private static final String LEGAL_BASIS = "《中华人民共和国安全生产法》第二十八条、《安全生产违法行为行政处罚办法》";

	private static final String ANSWER = "经核查，该企业在卫东区的经营场所于2026年3月停业，培训档案已调取。";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Cases cases;

	@Autowired
	AssistanceRequests requests;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditTrail audit;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Autowired
	StatementCounts counts;

	@Test
	void whole_assistance_requests_per_second_in_process_over_http_and_the_pgbench_ceiling() throws Exception {
		try (Autovacuum autovacuum = Autovacuum.start(dataSource)) {
			run(autovacuum);
		}
	}

	private void run(Autovacuum autovacuum) throws Exception {
		Path pgbench = Path.of(System.getProperty("liandong.bench.pgbench", "/usr/bin/pgbench"));
		if (!Files.isExecutable(pgbench)) {
			fail("pgbench is needed for the ceiling and was not found at %s: install Debian's postgresql-client "
					+ "(apt-get install postgresql-client) or give its path with -Dliandong.bench.pgbench", pgbench);
		}
		String url = environment.getRequiredProperty("spring.datasource.url");
		assertThat(url).as("the benchmark runs on PostgreSQL: ./mvnw verify -Pbenchmark").startsWith("jdbc:postgresql:");
		Duration jit = Duration.ofSeconds(Long.getLong("liandong.bench.lifecycle.jit-seconds", 30));
		Duration warmup = Duration.ofSeconds(Long.getLong("liandong.bench.lifecycle.warmup-seconds", 10));
		Duration length = Duration.ofSeconds(Long.getLong("liandong.bench.lifecycle.seconds", 20));
		int casesPerClient = Integer.getInteger("liandong.bench.lifecycle.cases-per-client", 4);
		SignedInUser requester = (SignedInUser) users.loadUserByUsername(REQUESTER);
		SignedInUser assisting = (SignedInUser) users.loadUserByUsername(ASSISTING);
		LocalDate answerBy = LocalDate.now(BEIJING).plusDays(30);

		long[] moduleCases = register(requester, CLIENTS * casesPerClient);
		ClosedLoop.Work inProcess = (client, n) -> {
			long caseId = moduleCases[client * casesPerClient + (int) (n % casesPerClient)];
			inProcess(caseId, answerBy, requester, assisting);
		};
		// the profiler's first start before, not during, what is measured
		Profile.prepare();
		long moduleJitAudit = warmJit("模块调用", jit, inProcess);
		AuditTrail.Chaining chainingStart = audit.chaining();
		Profile.Profiled<Part> moduleProfiled = Profile.of("assistance-lifecycle-module",
				() -> measure("模块调用", warmup, length, inProcess));
		Part module = moduleProfiled.result().plusAuditRows(moduleJitAudit);
		// the module part's chainings only: the HTTP part's JIT warm-up comes next
		AuditTrail.Chaining chainingModuleEnd = audit.chaining();

		// what one lifecycle over HTTP costs the database, step by step, as a client that keeps working sees it
		HttpClient counting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long[] countedCases = register(requester, 2);
		overHttp(counting, countedCases[0], answerBy, StepCall.DIRECT);
		Map<String, StatementCounts.Tally> steps = new LinkedHashMap<>();
		overHttp(counting, countedCases[1], answerBy, (step, call) -> {
			StatementCounts.Counted<JsonNode> counted = counts.count(() -> {
				try {
					return call.call();
				}
				catch (Exception e) {
					throw new IllegalStateException(step, e);
				}
			});
			steps.put(step, counted.tally());
			return counted.result();
		});

		long[] httpCases = register(requester, CLIENTS * casesPerClient);
		HttpClient[] clients = new HttpClient[CLIENTS];
		for (int c = 0; c < CLIENTS; c++) {
			clients[c] = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}
		ClosedLoop.Work overHttp = (client, n) -> {
			long caseId = httpCases[client * casesPerClient + (int) (n % casesPerClient)];
			overHttp(clients[client], caseId, answerBy, StepCall.DIRECT);
		};
		long httpJitAudit = warmJit("HTTP 接口", jit, overHttp);
		AuditTrail.Chaining chainingBefore = audit.chaining();
		Profile.Profiled<Part> profiled = Profile.of("assistance-lifecycle-http",
				() -> measure("HTTP 接口", warmup, length, overHttp));
		Part http = profiled.result().plusAuditRows(httpJitAudit);
		AuditTrail.Chaining chainingAfter = audit.chaining();

		// the same lifecycle as a BPMN process on Flowable, same clients, same database, a schema of its own
		Part flowable;
		FlowableLifecycle.Outcome flowableOutcome;
		String flowableVersion;
		String pool = BenchmarkEnvironment.poolSize(dataSource);
		try (FlowableLifecycle engine = new FlowableLifecycle(jdbc, url,
				environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""),
				pool.matches("\\d+") ? Integer.parseInt(pool) : 20)) {
			flowableVersion = engine.version();
			ClosedLoop.Work onFlowable = (client, n) -> engine.lifecycle(1_000_000L * client + n, REQUESTER, ASSISTING,
					MATTERS, LEGAL_BASIS, answerBy, ANSWER);
			warmJit("Flowable 引擎", jit, onFlowable);
			flowable = measure("Flowable 引擎", warmup, length, onFlowable);
			flowableOutcome = engine.outcome();
		}

		Pgbench ceiling = pgbench(pgbench, URI.create(url.substring("jdbc:".length())), warmup, length);

		Outcome moduleOutcome = outcome(moduleCases);
		Outcome httpOutcome = outcome(httpCases);
		long auditRows = module.auditRows() + http.auditRows();
		long lifecycles = moduleOutcome.requests() + httpOutcome.requests();
		AuditTrail.ChainVerification chain = audit.verify();
		double bcrypt = bcryptMillis(requester);

		write(new Report(jit, warmup, length, casesPerClient, module, http, ceiling, moduleOutcome, httpOutcome,
				lifecycles == 0 ? 0 : (double) auditRows / lifecycles, chain, bcrypt, flowable, flowableOutcome,
				flowableVersion, steps, chainingStart, chainingModuleEnd, chainingBefore, chainingAfter, moduleProfiled.summary(),
				profiled.summary(), autovacuum.describe()));

		assertThat(flowableOutcome.running()).as("every Flowable process the benchmark started ended").isZero();
		assertThat(flowableOutcome.ended()).isGreaterThanOrEqualTo(flowable.measured().ended());
		for (Part part : List.of(module, http, flowable)) {
			assertThat(part.measured().failed()).as(part.name() + " failures: " + part.measured().failures()).isZero();
			assertThat(part.measured().counted()).as(part.name() + " lifecycles completed").isPositive();
		}
		for (Outcome outcome : List.of(moduleOutcome, httpOutcome)) {
			assertThat(outcome.states()).as("every request the benchmark made ended confirmed")
				.containsOnlyKeys(RequestState.CONFIRMED.name());
			assertThat(outcome.inboxMessages()).as("every step's message reached the counterpart's inbox")
				.isEqualTo(outcome.requests() * DELIVERIES);
		}
		assertThat(moduleOutcome.requests()).isGreaterThanOrEqualTo(module.measured().ended());
		assertThat(httpOutcome.requests()).isGreaterThanOrEqualTo(http.measured().ended());
		assertThat(chain.intact()).as("audit chain after concurrent writers: " + chain.problem()).isTrue();
		assertThat(ceiling.failed()).as("pgbench failed transactions").isZero();
		assertThat(ceiling.tps()).isPositive();
	}

	/** One lifecycle through the module's facade, each step by the person of the party whose turn it is. */
	private void inProcess(long caseId, LocalDate answerBy, SignedInUser requester, SignedInUser assisting) {
		try {
			actAs(requester);
			AssistanceRequestView draft = requests.create(new NewAssistanceRequest(caseId, ASSISTING_AGENCY, MATTERS,
					LEGAL_BASIS, answerBy, null), requester);
			long id = draft.id();
			AssistanceRequestView sent = requests.act(id, RequestAction.SEND, ActionInput.of(draft.version()),
					requester);
			actAs(assisting);
			AssistanceRequestView accepted = requests.act(id, RequestAction.ACCEPT, ActionInput.of(sent.version()),
					assisting);
			AssistanceRequestView answered = requests.act(id, RequestAction.ANSWER,
					new ActionInput(accepted.version(), null, ANSWER, null), assisting);
			actAs(requester);
			AssistanceRequestView confirmed = requests.act(id, RequestAction.CONFIRM,
					ActionInput.of(answered.version()), requester);
			if (confirmed.state() != RequestState.CONFIRMED) {
				throw new IllegalStateException("request %d ended %s".formatted(id, confirmed.state()));
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The audit listener takes the actor from the security context, as during a web request. */
	private static void actAs(SignedInUser user) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(security);
	}

	/** One lifecycle over the REST API, as another system's script would drive it. */
	/** How each call of a lifecycle is made: directly, or counted. */
	interface StepCall {

		StepCall DIRECT = (step, call) -> call.call();

		JsonNode make(String step, Callable<JsonNode> call) throws Exception;
	}

	private void overHttp(HttpClient client, long caseId, LocalDate answerBy, StepCall steps) throws Exception {
		JsonNode draft = steps.make("create", () -> post(client, REQUESTER, "/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "%s", "matters": "%s", "legalBasis": "%s", "answerBy": "%s"}"""
			.formatted(caseId, ASSISTING_AGENCY, MATTERS, LEGAL_BASIS, answerBy), 201));
		long id = draft.path("id").asLong();
		String path = "/api/v1/assistance-requests/" + id + "/";
		JsonNode sent = steps.make("send", () -> post(client, REQUESTER, path + "send", version(draft), 200));
		JsonNode accepted = steps.make("accept", () -> post(client, ASSISTING, path + "accept", version(sent), 200));
		JsonNode answered = steps.make("answer", () -> post(client, ASSISTING, path + "answer", """
				{"version": %d, "text": "%s"}""".formatted(accepted.path("version").asLong(), ANSWER), 200));
		JsonNode confirmed = steps.make("confirm", () -> post(client, REQUESTER, path + "confirm", version(answered), 200));
		if (!RequestState.CONFIRMED.name().equals(confirmed.path("state").asString())) {
			throw new IllegalStateException("request %d ended %s".formatted(id, confirmed.path("state").asString()));
		}
	}

	private static String version(JsonNode request) {
		return "{\"version\": %d}".formatted(request.path("version").asLong());
	}

	private JsonNode post(HttpClient client, String username, String path, String json, int expected)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + LiandongIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != expected) {
			throw new IllegalStateException("POST %s: %d %s".formatted(path, response.statusCode(), response.body()));
		}
		return JSON.readTree(response.body());
	}

	/** Cases for the requests to be about, registered by the requester through the case module. */
	private long[] register(SignedInUser registrar, int count) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Long>> registrations = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				registrations.add(() -> {
					try {
						actAs(registrar);
						return cases.register(new NewCase(PartyKind.ENTERPRISE, Fixtures.unique("平顶山基准化工有限公司"),
								Fixtures.uscc("410402"), null, SupervisionLevel.COUNTY, "410402", "未按规定开展安全教育培训",
								Severity.GENERAL, "检查中发现该企业未对从业人员进行安全生产教育和培训。", null, null, null, List.of()),
								registrar).id();
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				});
			}
			long[] ids = new long[count];
			List<Future<Long>> registered = pool.invokeAll(registrations, 5, TimeUnit.MINUTES);
			for (int i = 0; i < count; i++) {
				try {
					ids[i] = registered.get(i).get();
				}
				catch (Exception e) {
					throw new IllegalStateException("case registration failed", e);
				}
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The part's work, unmeasured and unprofiled, before its warm-up and measurement, as the credit check and the
	 * oversight benchmarks do: each part is measured on code the JIT has compiled, not the first one on a freshly
	 * started application and Flowable, last, on a JVM the two before it had warmed. Returns the audit rows its
	 * lifecycles added.
	 */
	private final Map<String, JitWarmUp.Done> warmUps = new LinkedHashMap<>();

	private long warmJit(String name, Duration jit, ClosedLoop.Work work) throws InterruptedException {
		if (jit.isZero()) {
			return 0;
		}
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		long auditBefore = auditHead();
		warmUps.put(name, JitWarmUp.run(name, CLIENTS, jit, work));
		settle(since);
		audit.chainPending();
		return auditHead() - auditBefore;
	}

	/** A warm-up running straight into the measured time, then the inbox deliveries still on their way let arrive. */
	private Part measure(String name, Duration warmup, Duration length, ClosedLoop.Work work)
			throws InterruptedException, ExecutionException {
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		long auditBefore = auditHead();
		System.out.printf("%s：预热 %d 秒，测量 %d 秒%n", name, warmup.toSeconds(), length.toSeconds());
		Future<Cpu> cpu = Cpu.over(warmup, length);
		ClosedLoop.Result measured = ClosedLoop.run(CLIENTS, warmup, length, work);
		long backlog = outstandingDeliveries(since);
		long start = System.nanoTime();
		settle(since);
		double drain = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s：%,d 个全流程，%.1f 个/秒，p50 %.0f ms，p95 %.0f ms，失败 %d%n", name, measured.counted(),
				measured.perSecond(), measured.percentile(0.5), measured.percentile(0.95), measured.failed());
		// the records of the last commits chained, as the instance does moments after each
		audit.chainPending();
		return new Part(name, measured, cpu.get(), backlog, drain, auditHead() - auditBefore);
	}

	/** Inbox deliveries are stored after the commit, on other threads; waits (bounded) until all are. */
	private void settle(OffsetDateTime since) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (outstandingDeliveries(since) > 0) {
			if (System.nanoTime() > deadline) {
				fail("%d event publications still incomplete two minutes after the run", outstandingDeliveries(since));
			}
			Thread.sleep(100);
		}
	}

	private long outstandingDeliveries(OffsetDateTime since) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null and publication_date >= ?",
				Long.class, since);
	}

	private long auditHead() {
		return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
	}

	/** Where the requests about the given cases ended, and how many inbox messages they left. */
	private Outcome outcome(long[] caseIds) {
		Long[] boxed = Arrays.stream(caseIds).boxed().toArray(Long[]::new);
		Map<String, Long> states = new LinkedHashMap<>();
		jdbc.query(connection -> {
			var statement = connection.prepareStatement(
					"select state, count(*) from assistance_request where case_id = any(?) group by state order by state");
			statement.setArray(1, connection.createArrayOf("bigint", boxed));
			return statement;
		}, rs -> {
			states.put(rs.getString(1), rs.getLong(2));
		});
		Long inbox = jdbc.query(connection -> {
			var statement = connection.prepareStatement("""
					select count(*) from inbox_message m
					join assistance_history h on m.source_type = 'assistance-history' and m.source_id = cast(h.id as varchar)
					join assistance_request r on r.id = h.request_id
					where r.case_id = any(?)""");
			statement.setArray(1, connection.createArrayOf("bigint", boxed));
			return statement;
		}, rs -> rs.next() ? rs.getLong(1) : 0L);
		return new Outcome(states, states.values().stream().mapToLong(Long::longValue).sum(), inbox);
	}

	/**
	 * pgbench's ceiling for a transaction shaped like one step of a lifecycle, on a scratch schema of
	 * the same database: a warm-up run, then the measured one, with as many clients.
	 */
	private Pgbench pgbench(Path pgbench, URI database, Duration warmup, Duration length)
			throws IOException, InterruptedException, ExecutionException {
		jdbc.execute("drop schema if exists " + SCRATCH + " cascade");
		jdbc.execute("create schema " + SCRATCH);
		try {
			// the tables of a change and of the audit trail, as in the application's schema
			jdbc.execute("""
					create table liandong_pgbench.item (
					    id         bigint generated by default as identity primary key,
					    kind       varchar(32)   not null,
					    title      varchar(200)  not null,
					    body       varchar(4000),
					    created_at timestamp with time zone not null,
					    created_by varchar(64)   not null)""");
			jdbc.execute("""
					create table liandong_pgbench.audit_record (
					    seq bigint primary key, occurred_at timestamp with time zone not null, actor varchar(64) not null,
					    actor_agency varchar(32), action varchar(64) not null, object_type varchar(64),
					    object_id varchar(128), detail varchar(2000), client_address varchar(64),
					    prev_hash varchar(64) not null, hash varchar(64) not null)""");
			jdbc.execute("create index on liandong_pgbench.audit_record (actor, seq)");
			jdbc.execute("create index on liandong_pgbench.audit_record (object_type, object_id)");
			jdbc.execute("""
					create table liandong_pgbench.audit_chain_head (
					    id integer primary key, last_seq bigint not null, last_hash varchar(64) not null)""");
			jdbc.execute("insert into liandong_pgbench.audit_chain_head values (1, 0, repeat('0', 64))");

			Path folder = Files.createDirectories(Path.of("target/benchmarks"));
			Path script = folder.resolve("pgbench-audit-chain.sql");
			try (InputStream in = getClass().getResourceAsStream("/benchmarks/pgbench-audit-chain.sql")) {
				assertThat(in).as("benchmarks/pgbench-audit-chain.sql on the test class path").isNotNull();
				Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
			}
			System.out.printf("pgbench：预热 %d 秒%n", warmup.toSeconds());
			runPgbench(pgbench, database, script, warmup, folder.resolve("pgbench-warmup.log"));
			System.out.printf("pgbench：测量 %d 秒%n", length.toSeconds());
			Pgbench run = runPgbench(pgbench, database, script, length, folder.resolve("pgbench.log"));
			long rows = jdbc.queryForObject("select count(*) from liandong_pgbench.audit_record", Long.class);
			long head = jdbc.queryForObject("select last_seq from liandong_pgbench.audit_chain_head", Long.class);
			assertThat(rows).as("one audit row per pgbench transaction, one chain").isEqualTo(head);
			System.out.printf("pgbench：%.0f tps，平均 %.1f ms%n", run.tps(), run.latencyMillis());
			return run;
		}
		finally {
			jdbc.execute("drop schema if exists " + SCRATCH + " cascade");
		}
	}

	private Pgbench runPgbench(Path pgbench, URI database, Path script, Duration length, Path log)
			throws IOException, InterruptedException, ExecutionException {
		String name = database.getPath().substring(1);
		List<String> command = List.of(pgbench.toString(), "-h", database.getHost(), "-p",
				Integer.toString(database.getPort() < 0 ? 5432 : database.getPort()), "-U",
				environment.getProperty("spring.datasource.username", "postgres"), "-n", "-M", "prepared", "-c",
				Integer.toString(CLIENTS), "-j", Integer.toString(Runtime.getRuntime().availableProcessors()), "-T",
				Long.toString(length.toSeconds()), "-f", script.toString(), name);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		String password = environment.getProperty("spring.datasource.password", "");
		if (!password.isEmpty()) {
			builder.environment().put("PGPASSWORD", password);
		}
		builder.environment().put("PGCONNECT_TIMEOUT", "10");
		Process process = builder.start();
		Future<Cpu> cpu = Cpu.over(Duration.ZERO, length);
		if (!process.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("pgbench did not end within a minute after its %d seconds", length.toSeconds());
		}
		String output = Files.readString(log);
		if (process.exitValue() != 0) {
			fail("pgbench exited with %d: %s", process.exitValue(), output);
		}
		return new Pgbench(number(output, "tps = ([0-9.]+) \\(without initial connection time\\)"),
				number(output, "latency average = ([0-9.]+) ms"),
				(long) number(output, "number of transactions actually processed: (\\d+)"),
				output.contains("number of failed transactions")
						? (long) number(output, "number of failed transactions: (\\d+)") : 0,
				firstLine(output), cpu.get());
	}

	private static double number(String output, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(output);
		if (!matcher.find()) {
			fail("pgbench's output lacks /%s/: %s", pattern, output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static String firstLine(String output) {
		return output.lines().filter(line -> line.startsWith("pgbench")).findFirst().orElse("pgbench").trim();
	}

	/** What one HTTP Basic check of the demo password costs: the median of ten. */
	private double bcryptMillis(SignedInUser user) {
		double[] millis = new double[10];
		for (int i = -3; i < millis.length; i++) {
			long start = System.nanoTime();
			passwords.matches(LiandongIntegrationTest.DEMO_PASSWORD, user.getPassword());
			if (i >= 0) {
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
		}
		Arrays.sort(millis);
		return millis[millis.length / 2];
	}

	private void write(Report r) throws IOException {
		String commit = BenchmarkEnvironment.commit();
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		String machine = ("%s，%d 核，内存 %.1f GiB，JVM %s（最大堆 %d MiB），PostgreSQL %s（同一台机器；synchronous_commit=%s，"
				+ "fsync=%s，shared_buffers=%s）").formatted(InetAddress.getLocalHost().getHostName(),
						Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
						System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1024 / 1024,
						BenchmarkEnvironment.setting(jdbc, "server_version"), BenchmarkEnvironment.setting(jdbc, "synchronous_commit"), BenchmarkEnvironment.setting(jdbc, "fsync"),
						BenchmarkEnvironment.setting(jdbc, "shared_buffers"));
		String application = "数据库连接池 %s 个连接，消息投递线程 %s 个；HTTP Basic：一个凭据的密码经 bcrypt 校验（本机一次约 %.0f 毫秒）通过后，5 分钟内不再做 bcrypt（`RecentCredentials`），30 秒内不再读账户（`liandong.security.sign-in-cache`）"
			.formatted(BenchmarkEnvironment.poolSize(dataSource), deliveryThreads(), r.bcryptMillis());
		Instant now = Instant.now();
		double module = r.module().measured().perSecond();
		double http = r.http().measured().perSecond();
		Pgbench ceiling = r.ceiling();

		StringBuilder md = new StringBuilder("# 协查请求全流程吞吐基准 Assistance request lifecycle benchmark\n\n");
		md.append(("由 `./mvnw verify -Pbenchmark` 生成（`AssistanceLifecycleBenchmarkIT`）。一个“全流程”：新华区执法人员起草协查请求并发出"
				+ "（编号协查函），卫东区执法人员受理、答复，新华区执法人员确认办结；共 %d 个事务，每个都带审计记录，"
				+ "后 %d 步各向对方消息箱投递一条消息，与应用实际所做的一样。基准只记录数字，不以速度判定成败。\n\n")
			.formatted(STEPS, DELIVERIES));
		md.append("- 日期：%s\n- 提交：%s\n- 机器：%s\n- 应用：%s\n".formatted(now, commit, machine, application));
		md.append(("- 方法：每项 %d 个并发客户端闭环执行（上一个全流程结束即开始下一个），先做 JIT 预热（不计入结果，不在剖析内；每 10 秒一段，"
				+ "至少 %d 秒、至多其 4 倍，直到某一段中 JIT 编译线程占用的处理器时间不足该段时长的 1%%；本次 " + warmUps.entrySet().stream()
					.map(e -> e.getKey() + " " + e.getValue().describe()).collect(Collectors.joining("，")) + "），"
				+ "再预热 %d 秒后不停顿地测量 %d 秒，"
				+ "只计测量时段内结束的全流程，延迟为一个全流程从起草到确认办结的时间；回环地址。每个客户端轮流使用自己的 %d 件案件"
				+ "（事先经案件模块登记）。“模块调用”在进程内直接调用 `AssistanceRequests`；“HTTP 接口”经 REST 接口，"
				+ "HTTP Basic，每个客户端一个 java.net.http.HttpClient（HTTP/1.1）。CPU 为测量时段内整机（含 PostgreSQL）"
				+ "和 JVM 各占全部处理器时间的比例\n").formatted(CLIENTS, r.jit().toSeconds(), r.warmup().toSeconds(), r.length().toSeconds(),
						r.casesPerClient()));
		md.append(("- Flowable：同一全流程以 BPMN 流程（[`assistance-lifecycle.bpmn20.xml`](../../src/test/resources/benchmarks/assistance-lifecycle.bpmn20.xml)："
				+ "起草即启动流程，发出、受理、答复、确认办结四个用户任务）在 Flowable %s 流程引擎上运行（独立引擎，历史级别 audit，"
				+ "不启用异步执行器），同一 PostgreSQL 的独立模式 `%s`（每次运行前重建），连接池 %s 个连接，同样 %d 个客户端、"
				+ "同样规则的 JIT 预热、同样的预热与测量时间；每步先按流程实例和办理单位查询任务，再完成任务。Flowable 只做流程状态与历史记录，"
				+ "不做应用的编号协查函、哈希链审计、消息箱投递、权限与期限计算——比较的是“同一业务流程”的两种实现的吞吐。"
				+ "Flowable 部分不做性能剖析：剖析的采样开销只由模块调用与 HTTP 两部分承担\n")
			.formatted(r.flowableVersion(), FlowableLifecycle.SCHEMA, BenchmarkEnvironment.poolSize(dataSource), CLIENTS));
		md.append(("- pgbench：%s，%d 个客户端，`-M prepared`，先预热 %d 秒，再测量 %d 秒，脚本 "
				+ "[`pgbench-audit-chain.sql`](../../src/test/resources/benchmarks/pgbench-audit-chain.sql)："
				+ "在临时模式 `%s`（运行前建立、运行后删除）中插入一行业务数据，锁定唯一的链头行（`select … for update`），"
				+ "插入一条带前序哈希的审计记录，更新链头，提交——应用每个事务的最小形态\n")
			.formatted(ceiling.version(), CLIENTS, r.warmup().toSeconds(), r.length().toSeconds(), SCRATCH));
		md.append("- 统计信息与清理：%s\n\n".formatted(r.autovacuum()));

		md.append("| 项目 | 客户端 | 测量 (s) | 完成 | 每秒 | p50 (ms) | p95 (ms) | p99 (ms) | CPU 整机 / JVM | 失败 |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Part part : List.of(r.module(), r.http())) {
			ClosedLoop.Result m = part.measured();
			md.append("| %s · 全流程 | %d | %d | %,d | %.1f | %.0f | %.0f | %.0f | %s | %d |\n".formatted(part.name(),
					m.clients(), m.length().toSeconds(), m.counted(), m.perSecond(), m.percentile(0.5),
					m.percentile(0.95), m.percentile(0.99), percent(part.cpu()), m.failed()));
		}
		ClosedLoop.Result f = r.flowable().measured();
		md.append("| Flowable %s · 同一流程（BPMN） | %d | %d | %,d | %.1f | %.0f | %.0f | %.0f | %s | %d |\n".formatted(
				r.flowableVersion(), f.clients(), f.length().toSeconds(), f.counted(), f.perSecond(), f.percentile(0.5),
				f.percentile(0.95), f.percentile(0.99), percent(r.flowable().cpu()), f.failed()));
		md.append("| pgbench · “插入 + 审计”事务 | %d | %d | %,d | %.0f | 平均 %.1f | — | — | %s | %d |\n\n".formatted(CLIENTS,
				r.length().toSeconds(), ceiling.transactions(), ceiling.tps(), ceiling.latencyMillis(),
				percent(ceiling.cpu()), ceiling.failed()));

		md.append("| 比值 | 值 |\n|---|---:|\n");
		double flowable = r.flowable().measured().perSecond();
		md.append("| HTTP 接口 ÷ 模块调用（全流程/秒） | %.3f |\n".formatted(http / module));
		md.append("| 模块调用 ÷ Flowable（全流程/秒） | %.3f |\n".formatted(module / flowable));
		md.append("| HTTP 接口 ÷ Flowable（全流程/秒） | %.3f |\n".formatted(http / flowable));
		md.append("| Flowable 的事务/秒（全流程/秒 × %d）÷ pgbench tps | %.3f |\n".formatted(STEPS, flowable * STEPS / ceiling.tps()));
		md.append("| 模块调用的事务/秒（全流程/秒 × %d）÷ pgbench tps | %.3f |\n".formatted(STEPS, module * STEPS / ceiling.tps()));
		md.append("| HTTP 接口的事务/秒（全流程/秒 × %d）÷ pgbench tps | %.3f |\n".formatted(STEPS, http * STEPS / ceiling.tps()));
		md.append("| pgbench tps ÷ %d：若每步只是一次插入加审计，每秒可完成的全流程数 | %.0f |\n\n".formatted(STEPS,
				ceiling.tps() / STEPS));

		md.append(("## 每一步的语句与事务（P2a）\n\n在本次运行的 PostgreSQL 上，测量前经 REST 接口走完一个全流程后，再走一个并逐条计数"
				+ "（datasource-proxy 包裹计数期间应用从连接池取出的连接，`StatementCounts`，测量时不在；计入请求线程及其交给的异步监听器，认证在内）。"
				+ "同样的计数在 H2 与 PostgreSQL 上由 `StatementCountsIT` 断言上限。审计记录在业务事务中只写一条 `audit_pending`，"
				+ "提交后由本实例的入链线程成批写入哈希链（不计入上表，见下节）。\n\n"));
		md.append("| 步骤 | 语句 | 事务 |\n|---|---:|---:|\n");
		r.steps().forEach((step, tally) -> md.append("| %s | %d | %d |\n".formatted(step, tally.statements(),
				tally.transactions())));
		md.append("| **全流程** | **%d**（目标 ≤ 60） | **%d**（目标 ≤ 10） |\n\n".formatted(r.statements(), r.transactions()));
		md.append("<details><summary>逐条明细</summary>\n\n```\n");
		r.steps().forEach((step, tally) -> md.append("-- ").append(step).append(": ").append(tally.describe()));
		md.append("```\n\n</details>\n\n");

		AuditTrail.Chaining after = r.chainingAfter();
		md.append(("## 审计入链（issue 18）\n\n业务事务提交时审计记录已在 `audit_pending`（与业务同一事务），本实例随后成批入链，"
				+ "每次 4 条语句（锁链头、删除待入链行、插入、更新链头）。未入链窗口：一次入链中最早的记录从其事务提交到入链所等的时间。\n\n"));
		md.append("| 部分 | 入链次数 | 记录 | 每次记录 |");
		AuditTrail.Chaining.WAIT_BOUNDS_MS.forEach(bound -> md.append(" ≤ %d ms |".formatted(bound)));
		md.append(" > %d ms |\n|---|---:|---:|---:|".formatted(AuditTrail.Chaining.WAIT_BOUNDS_MS.get(
				AuditTrail.Chaining.WAIT_BOUNDS_MS.size() - 1)));
		AuditTrail.Chaining.WAIT_BOUNDS_MS.forEach(bound -> md.append("---:|"));
		md.append("---:|\n");
		chainingRow(md, r.module().name(), r.chainingStart(), r.chainingModuleEnd());
		chainingRow(md, r.http().name(), r.chainingBefore(), after);
		long passes = after.passes() - r.chainingBefore().passes();
		long chained = after.records() - r.chainingBefore().records();
		md.append(("\n自应用启动以来最长等待 %.1f 毫秒；入链前被删除、按内存副本补记的记录 %d 条。\n\n")
			.formatted(after.longestWait().toNanos() / 1e6, after.restored()));

		for (Profile.Summary profile : List.of(r.moduleProfile(), r.profile())) {
			String part = profile == r.profile() ? r.http().name() : r.module().name();
			md.append("## 性能剖析（%s部分）\n\n".formatted(part)).append(profile.markdown(part + "部分的预热与测量", 15));
		}

		md.append("核对（每次运行都检查，不符即失败）：\n\n");
		for (Part part : List.of(r.module(), r.http())) {
			ClosedLoop.Result m = part.measured();
			Outcome o = part == r.module() ? r.moduleOutcome() : r.httpOutcome();
			md.append(("- %s：预热中完成 %,d 个，测量时段内 %,d 个，时段结束后又完成 %,d 个；共建协查请求 %,d 件，状态 %s；"
					+ "消息箱消息 %,d 条（每件 %d 条）；测量结束时尚未投递的消息事件 %,d 个，%.1f 秒后全部投递\n").formatted(part.name(),
							m.warmup(), m.counted(), m.late(), o.requests(), o.states(), o.inboxMessages(), DELIVERIES,
							part.backlog(), part.drainSeconds()));
		}
		md.append(("- Flowable：预热中完成 %,d 个，测量时段内 %,d 个，时段结束后又完成 %,d 个；已结束的流程实例 %,d 个，"
				+ "仍在运行 %d 个；每个流程的历史记录（活动、任务、变量、流程实例）%.1f 行\n").formatted(f.warmup(), f.counted(),
						f.late(), r.flowableOutcome().ended(), r.flowableOutcome().running(),
						r.flowableOutcome().historyRowsPerLifecycle()));
		md.append("- 审计：每个全流程 %.1f 条审计记录；运行后校验整条哈希链：%s（%,d 条）\n".formatted(r.auditRowsPerLifecycle(),
				r.chain().intact() ? "完好" : "断裂于第 " + r.chain().firstBrokenSeq() + " 条", r.chain().recordsChecked()));

		Path target = Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(target.resolve("assistance-lifecycle.md"), md);
		Files.writeString(Path.of("docs/benchmarks/assistance-lifecycle.md"), md);

		StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"assistance-lifecycle\",\n");
		json.append("  \"date\": \"%s\",\n  \"commit\": \"%s\",\n  \"machine\": \"%s\",\n  \"clients\": %d,\n"
			.formatted(now, commit, machine.replace("\"", "'"), CLIENTS));
		json.append("  \"jit_s\": %d,\n  \"warmup_s\": %d,\n  \"duration_s\": %d,\n".formatted(r.jit().toSeconds(),
				r.warmup().toSeconds(), r.length().toSeconds()));
		for (Part part : List.of(r.module(), r.http())) {
			ClosedLoop.Result m = part.measured();
			json.append(("  \"%s\": {\"lifecycles\": %d, \"per_s\": %.2f, \"p50_ms\": %.1f, \"p95_ms\": %.1f, "
					+ "\"p99_ms\": %.1f, \"failed\": %d, \"cpu_machine\": %.2f, \"cpu_jvm\": %.2f},\n").formatted(
							part == r.module() ? "in_process" : "http", m.counted(), m.perSecond(), m.percentile(0.5),
							m.percentile(0.95), m.percentile(0.99), m.failed(), part.cpu().machine(), part.cpu().jvm()));
		}
		json.append(("  \"flowable\": {\"version\": \"%s\", \"lifecycles\": %d, \"per_s\": %.2f, \"p50_ms\": %.1f, "
				+ "\"p95_ms\": %.1f, \"p99_ms\": %.1f, \"failed\": %d, \"cpu_machine\": %.2f, \"cpu_jvm\": %.2f},\n").formatted(
						r.flowableVersion(), f.counted(), f.perSecond(), f.percentile(0.5), f.percentile(0.95),
						f.percentile(0.99), f.failed(), r.flowable().cpu().machine(), r.flowable().cpu().jvm()));
		json.append("  \"in_process_over_flowable\": %.3f,\n  \"http_over_flowable\": %.3f,\n".formatted(module / flowable,
				http / flowable));
		json.append("  \"pgbench\": {\"tps\": %.1f, \"latency_avg_ms\": %.2f, \"transactions\": %d, \"cpu_machine\": %.2f},\n"
			.formatted(ceiling.tps(), ceiling.latencyMillis(), ceiling.transactions(), ceiling.cpu().machine()));
		json.append("  \"statements_per_lifecycle\": %d,\n  \"transactions_per_lifecycle\": %d,\n".formatted(r.statements(),
				r.transactions()));
		json.append("  \"audit_chaining\": {\"passes\": %d, \"records\": %d, \"longest_wait_ms\": %.1f},\n".formatted(
				passes, chained, after.longestWait().toNanos() / 1e6));
		json.append("  \"audit_rows_per_lifecycle\": %.2f,\n  \"bcrypt_ms\": %.1f\n}\n".formatted(
				r.auditRowsPerLifecycle(), r.bcryptMillis()));
		Files.writeString(target.resolve("assistance-lifecycle.json"), json);
		BenchmarkResults.record(jdbc, "assistance-lifecycle", ("%d statements, %d transactions per lifecycle over HTTP "
				+ "(targets 60, 10); %d clients: %.1f lifecycles/s in process, %.1f over HTTP, Flowable %.1f (in process ÷ "
				+ "Flowable %.2f, target 3); HTTP %.2f of pgbench ÷ 5 (target 0.40); pgbench insert+audit %.0f tps")
			.formatted(r.statements(), r.transactions(), CLIENTS, module, http, flowable, module / flowable,
					http / (ceiling.tps() / STEPS), ceiling.tps()), md);
		System.out.println(md);
	}

	/** One part's chainings: how many, with how many records, and by how long their oldest record waited. */
	private static void chainingRow(StringBuilder md, String part, AuditTrail.Chaining from, AuditTrail.Chaining to) {
		long passes = to.passes() - from.passes();
		long records = to.records() - from.records();
		md.append("| %s | %,d | %,d | %.1f |".formatted(part, passes, records, passes == 0 ? 0.0 : (double) records / passes));
		// the share up to each bound, then the share beyond the last
		long upTo = 0;
		for (int i = 0; i < to.byWait().length; i++) {
			long n = to.byWait()[i] - from.byWait()[i];
			upTo += n;
			long shown = i < to.byWait().length - 1 ? upTo : n;
			md.append(" %.1f%% |".formatted(passes == 0 ? 0.0 : 100.0 * shown / passes));
		}
		md.append("\n");
	}

	private static String percent(Cpu cpu) {
		return "%.0f%% / %.0f%%".formatted(cpu.machine() * 100, cpu.jvm() * 100);
	}



	private String deliveryThreads() {
		return context.containsBean("applicationTaskExecutor")
				&& context.getBean("applicationTaskExecutor") instanceof ThreadPoolTaskExecutor executor
						? Integer.toString(executor.getCorePoolSize()) : "?";
	}


	/**
	 * One way of measuring: its run, the CPU busy meanwhile, the deliveries still on their way at its
	 * end and how long they took to arrive, and the audit rows it added.
	 */
	record Part(String name, ClosedLoop.Result measured, Cpu cpu, long backlog, double drainSeconds, long auditRows) {

		/** With the audit rows of the part's JIT warm-up, whose lifecycles are on the same cases. */
		Part plusAuditRows(long more) {
			return new Part(name, measured, cpu, backlog, drainSeconds, auditRows + more);
		}
	}

	/** What the database holds afterwards about one part's cases. */
	record Outcome(Map<String, Long> states, long requests, long inboxMessages) {
	}

	record Pgbench(double tps, double latencyMillis, long transactions, long failed, String version, Cpu cpu) {
	}

	record Report(Duration jit, Duration warmup, Duration length, int casesPerClient, Part module, Part http, Pgbench ceiling,
			Outcome moduleOutcome, Outcome httpOutcome, double auditRowsPerLifecycle,
			AuditTrail.ChainVerification chain, double bcryptMillis, Part flowable, FlowableLifecycle.Outcome flowableOutcome,
			String flowableVersion, Map<String, StatementCounts.Tally> steps, AuditTrail.Chaining chainingStart,
			AuditTrail.Chaining chainingModuleEnd, AuditTrail.Chaining chainingBefore, AuditTrail.Chaining chainingAfter, Profile.Summary moduleProfile,
			Profile.Summary profile, String autovacuum) {

		int statements() {
			return steps.values().stream().mapToInt(StatementCounts.Tally::statements).sum();
		}

		int transactions() {
			return steps.values().stream().mapToInt(StatementCounts.Tally::transactions).sum();
		}
	}
}
