package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.audit.AuditTrail;
import org.liandong.credit.CreditCheck;
import org.liandong.credit.CreditChecks;
import org.liandong.generator.CreditData;
import org.liandong.generator.Layout;
import org.liandong.generator.ProvinceGenerator;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.core.userdetails.UserDetailsService;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit checks (R4.3) against a serious-dishonesty list of 1,000,000 entries on PostgreSQL: single
 * checks by unified social credit code over the REST API (HTTP Basic on loopback) with 8, 16 and 32
 * clients in a closed loop, the same checks through the module's facade in process for comparison,
 * and a screening of an uploaded list of 100,000 subjects from upload to done. The targets
 * are 1,000 checks a second with p99 under 5 ms, and a 100,000-subject screening within 10 s; they
 * are recorded, not asserted. Asserted is only that every check answered was kept in
 * {@code credit_check} and chained into the audit trail (R4.4) within a bounded time, that the
 * answers were right and the screening's counts exact. Figures go to target/benchmarks and
 * docs/benchmarks; run with {@code ./mvnw verify -Pbenchmark -Dit.test=CreditCheckBenchmarkIT}.
 * The entries are generated once into the schema liandong_bench and reused by later runs.
 */
@Tag("benchmark")
@LiandongIntegrationTest
class CreditCheckBenchmarkIT {

	/** The counties of the generated entries (the benchmarks' layout's registering bureaus). */
	private static final String[] COUNTIES = Layout.city().registrars().stream().map(Layout.Bureau::code).toArray(String[]::new);

	/** One enforcer of each of the ten counties, for the part in which the checks are not all one person's. */
	private static final List<String> PEOPLE = DemoCounties.PREFIXES.stream().map(county -> county + ".enforcer")
		.toList();

	private static final String BY_TEN = "HTTP 接口（十个县的执法人员轮流）";

	/** A county enforcer of 湛河区: a business user, whom the checks are recorded for. */
	private static final String USER = "zhanhe.enforcer";

	/** Of a hundred single checks: 20 subjects on the list, 10 whose entry ended or was never decided, 70 never listed. */
	private static final int LISTED_SHARE = 20;

	private static final int DELISTED_SHARE = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	CreditChecks checks;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditTrail audit;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Test
	void single_checks_and_a_screening_of_100000_subjects_over_a_million_entries() throws Exception {
		try (Autovacuum autovacuum = Autovacuum.start(dataSource)) {
			run(autovacuum);
		}
	}

	private void run(Autovacuum autovacuum) throws Exception {
		assertThat(environment.getRequiredProperty("spring.datasource.url"))
			.as("the benchmark runs on PostgreSQL: ./mvnw verify -Pbenchmark").startsWith("jdbc:postgresql:");
		long target = Long.getLong("liandong.bench.credit.entries", 1_000_000);
		int[] levels = Arrays.stream(System.getProperty("liandong.bench.credit.clients", "2,8,16,32").split(","))
			.map(String::trim).mapToInt(Integer::parseInt).toArray();
		int inProcessClients = Integer.getInteger("liandong.bench.credit.in-process-clients", 16);
		Duration jit = Duration.ofSeconds(Long.getLong("liandong.bench.credit.jit-seconds", 30));
		Duration warmup = Duration.ofSeconds(Long.getLong("liandong.bench.credit.warmup-seconds", 5));
		Duration length = Duration.ofSeconds(Long.getLong("liandong.bench.credit.seconds", 15));
		Duration auditWait = Duration.ofSeconds(Long.getLong("liandong.bench.credit.audit-wait-seconds", 30));
		Duration leftoverWait = Duration.ofSeconds(Long.getLong("liandong.bench.credit.leftover-wait-seconds", 180));
		int subjects = Integer.getInteger("liandong.bench.credit.screening-subjects", 100_000);

		ProvinceGenerator.Phase loaded = BenchmarkData.phase(jdbc, transactionManager, "credit");
		// what autovacuum does on a live database: statistics, and dead index entries of earlier runs' checks removed
		jdbc.execute("vacuum analyze credit_entry");
		// checks an interrupted earlier run left unchained are chained by the application first, on fresh statistics
		jdbc.execute("vacuum analyze credit_check");
		long leftover = unchained(0);
		double leftoverSeconds = drain(0, leftoverWait);
		assertThat(unchained(0)).as("checks of an earlier run still unchained %d s after the start", leftoverWait.toSeconds())
			.isZero();
		// then the statistics of a live system, where every check is chained within moments
		jdbc.execute("vacuum analyze credit_check");
		Map<String, Long> states = new LinkedHashMap<>();
		jdbc.query("select state, count(*) from credit_entry group by state order by count(*) desc",
				rs -> {
					states.put(rs.getString(1), rs.getLong(2));
				});
		List<String[]> listed = sample("e.state = 'PUBLISHED' and e.published_until > now()", 5000);
		List<String[]> delisted = sample("""
				(e.state <> 'PUBLISHED' or e.published_until <= now()) and not exists (select 1 from credit_entry p
				where p.subject_uscc = e.subject_uscc and p.state = 'PUBLISHED' and p.published_until > now())""", 2000);
		for (List<String[]> codes : List.of(listed, delisted)) {
			assertThat(codes).as("entries sampled from the list").hasSizeGreaterThan(1000);
			codes.forEach(code -> assertThat(UnifiedSocialCreditCode.problem(code[0])).as(code[0]).isNull());
		}
		long measuresInForce = jdbc.queryForObject("""
				select count(*) from memorandum_measure m join instrument i on i.id = m.instrument_id
				where i.kind = 'MEMORANDUM' and i.state = 'IN_FORCE' and i.effective_from <= current_date
				  and i.effective_until >= current_date""", Long.class);

		long checkBefore = jdbc.queryForObject("select coalesce(max(id), 0) from credit_check", Long.class);
		long auditBefore = jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
		Tally tally = new Tally();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString((USER + ":" + LiandongIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
		int maxClients = Math.max(inProcessClients, Arrays.stream(levels).max().orElse(1));
		Mix mix = new Mix(listed, delisted, maxClients);
		ClosedLoop.Work overHttp = (client, n) -> checkOverHttp(http, authorization, mix.next(client), tally);
		// one enforcer each of the ten counties in turn: one person's checks queue on that person's row of the rate
		// limit (rate_limit_bucket, locked from a check's count to its commit), many people's do not
		List<String> people = PEOPLE.stream().map(person -> "Basic " + Base64.getEncoder()
			.encodeToString((person + ":" + LiandongIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.toList();
		ClosedLoop.Work overHttpByTen = (client, n) -> checkOverHttp(http, people.get(client % people.size()),
				mix.next(client), tally);
		SignedInUser reader = (SignedInUser) users.loadUserByUsername(USER);
		ClosedLoop.Work inProcess = (client, n) -> {
			Subject subject = mix.next(client);
			CreditCheck answer = checks.check(subject.code(), null, reader);
			tally.answered(subject, answer.listed());
		};

		AuditWatch auditWatch = AuditWatch.start(jdbc);
		List<Part> parts = new ArrayList<>();
		ScreeningRun screening;
		Profile.Summary profile;
		JitWarmUp.Done warmUp;
		try {
			// the profiler's first start before, not during, what is measured
			Profile.prepare();
			warmUp = JitWarmUp.run("信用核查", Math.max(8, levels[0]), jit, overHttp);
			drain(checkBefore, auditWait);
			for (int clients : levels) {
				parts.add(measure("HTTP 接口", clients, warmup, length, overHttp, auditWatch, Threads.TOMCAT_WORKER,
						checkBefore, auditWait));
			}
			Profile.Profiled<Part> byTen = Profile.of("credit-check-http", () -> measure(BY_TEN, 8, warmup, length,
					overHttpByTen, auditWatch, Threads.TOMCAT_WORKER, checkBefore, auditWait));
			parts.add(byTen.result());
			profile = byTen.summary();
			screening = screen(authorization, subjects, listed, delisted);
			if (inProcessClients > 0) {
				parts.add(measure("模块调用（进程内）", inProcessClients, warmup, length, inProcess, auditWatch,
						Threads.LOOP_WORKER, checkBefore, auditWait));
			}
		}
		finally {
			auditWatch.stop();
		}
		double chainDrain = parts.get(parts.size() - 1).drainSeconds();
		List<Plan> plans = plans(listed);

		// the benchmark's people: USER, and the ten counties' enforcers of the part by ten (USER among them)
		String byPeople = PEOPLE.stream().map(person -> "'" + person + "'").collect(Collectors.joining(", ", "(", ")"));
		long recorded = jdbc.queryForObject("select count(*) from credit_check where id > ? and actor in " + byPeople,
				Long.class, checkBefore);
		long recordedAll = jdbc.queryForObject("select count(*) from credit_check where id > ?", Long.class, checkBefore);
		long unchained = jdbc.queryForObject("select count(*) from credit_check where id > ? and audit_batch is null",
				Long.class, checkBefore);
		long batches = jdbc.queryForObject("select count(distinct audit_batch) from credit_check where id > ?",
				Long.class, checkBefore);
		long auditRecords = jdbc.queryForObject(
				"select count(*) from audit_record where seq > ? and action = 'CREDIT_CHECK' and actor in " + byPeople,
				Long.class, auditBefore);
		long verifyStart = System.nanoTime();
		AuditTrail.ChainVerification chain = audit.verify();
		double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
		Correctness correctness = new Correctness(tally.answered.get(), tally.wrong.get(), recorded, recordedAll,
				unchained, batches, auditRecords, chainDrain, auditWatch.maxBacklog(), auditWatch.maxAge(),
				chain, verifySeconds, leftover, leftoverSeconds, cleanUp(unchained, leftoverWait));

		write(new Report(target, loaded, states, measuresInForce, jit, warmup, length, parts, correctness, screening,
				plans, tally, profile, warmUp, autovacuum.describe()));

		assertThat(tally.wrong.get()).as("answers that said listed for a subject not on the list, or the reverse")
			.isZero();
		for (Part part : parts) {
			assertThat(part.result().failed()).as(part.title() + " failures: " + part.result().failures()).isZero();
			assertThat(part.result().counted()).as(part.title() + " checks answered").isPositive();
		}
		assertThat(recorded).as("every check answered is kept in credit_check").isEqualTo(tally.answered.get());
		assertThat(unchained).as("checks not chained into the audit trail %d s after the last one", auditWait.toSeconds())
			.isZero();
		assertThat(auditRecords).as("one CREDIT_CHECK audit record per check").isEqualTo(tally.answered.get());
		assertThat(chain.intact()).as("audit chain after batched appends: " + chain.problem()).isTrue();
		assertThat(screening.state()).as("screening " + screening.problem()).isEqualTo("DONE");
		assertThat(screening.total()).isEqualTo(subjects);
		assertThat(screening.listed()).as("subjects of the file on the list").isEqualTo(screening.expectedListed());
		assertThat(screening.rejected()).as("rows of the file that could not be screened")
			.isEqualTo(screening.expectedRejected());
		assertThat(screening.resultRows()).as("rows of the result file").isEqualTo(subjects);
	}

	/** Codes and names of generated entries, from a random sample of the table's pages. */
	private List<String[]> sample(String condition, int limit) {
		return jdbc.query("""
				select distinct on (e.subject_uscc) e.subject_uscc, e.subject_name from credit_entry e tablesample system (2)
				where e.created_by_name = ? and %s limit ?""".formatted(condition),
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, CreditData.MARK, limit);
	}

	private Part measure(String name, int clients, Duration warmup, Duration length, ClosedLoop.Work work,
			AuditWatch auditWatch, Predicate<ThreadInfo> worker, long checkBefore, Duration auditWait) throws Exception {
		System.out.printf("信用核查 · %s · %d 个客户端：预热 %d 秒，测量 %d 秒%n", name, clients, warmup.toSeconds(),
				length.toSeconds());
		long start = System.nanoTime();
		Future<Cpu> cpu = Cpu.over(warmup, length);
		Future<Threads.Report> threads = Threads.over(warmup, length, worker);
		DatabaseActivity activity = DatabaseActivity.start(jdbc.getDataSource(), warmup);
		ClosedLoop.Result result;
		String alongside;
		try {
			result = ClosedLoop.run(clients, warmup, length, work);
		}
		finally {
			alongside = activity.stop(5);
		}
		long end = System.nanoTime();
		double drained = drain(checkBefore, auditWait);
		Part part = new Part(name, result, cpu.get(), threads.get(), auditWatch.maxBacklog(start + warmup.toNanos(), end),
				auditWatch.maxAge(start + warmup.toNanos(), System.nanoTime()),
				unchained(checkBefore) == 0 ? drained : Double.NaN, alongside);
		System.out.printf("信用核查 · %s：%,d 次，%.0f 次/秒，p50 %.2f ms，p95 %.2f ms，p99 %.2f ms，失败 %d；审计串链积压最多 %,d，"
				+ "其后 %.1f 秒串完%n", part.title(), result.counted(), result.perSecond(), result.percentile(0.5),
				result.percentile(0.95), result.percentile(0.99), result.failed(), part.maxBacklog(), part.drainSeconds());
		return part;
	}

	/**
	 * When checks were left unchained (the verdict is taken already), lets the application chain them
	 * on statistics that show the backlog, so that the next run of any benchmark on this schema does
	 * not inherit it; how long that took, in seconds (0 when nothing was left, NaN when it did not end).
	 */
	private double cleanUp(long unchained, Duration wait) throws InterruptedException {
		if (unchained == 0) {
			return 0;
		}
		System.out.printf("信用核查：%,d 条核查未串链，更新统计信息后等待应用串完（至多 %d 秒）%n", unchained, wait.toSeconds());
		jdbc.execute("vacuum analyze credit_check");
		double seconds = drain(0, wait);
		return unchained(0) == 0 ? seconds : Double.NaN;
	}

	/** Waits (bounded) until every check after the given one is chained; how long it waited, in seconds. */
	private double drain(long checkBefore, Duration wait) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + wait.toNanos();
		while (unchained(checkBefore) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private long unchained(long checkBefore) {
		return jdbc.queryForObject("select count(*) from credit_check where id > ? and audit_batch is null", Long.class,
				checkBefore);
	}

	/**
	 * A list of subjects as a bureau would upload it: a few on the list, a few whose entry ended, a few
	 * rows that cannot be screened (a wrong check character, a code too short, a letter O, a code
	 * repeated), and the rest never listed; shuffled. Uploaded, then its progress read every 100 ms
	 * until it is done, then its result downloaded.
	 */
	private ScreeningRun screen(String authorization, int subjects, List<String[]> listed, List<String[]> delisted)
			throws IOException, InterruptedException {
		int onList = Math.min(1000, subjects / 100);
		int ended = Math.min(1000, subjects / 100);
		int wrong = Math.max(3, subjects / 1000);
		int repeated = Math.max(1, subjects / 1000);
		List<String[]> rows = new ArrayList<>();
		listed.stream().limit(onList).forEach(rows::add);
		delisted.stream().limit(ended).forEach(rows::add);
		SplittableRandom random = new SplittableRandom(2026);
		List<String[]> never = new ArrayList<>();
		for (int i = 0; rows.size() + never.size() < subjects - wrong - repeated; i++) {
			String county = COUNTIES[random.nextInt(COUNTIES.length)];
			never.add(new String[] { CreditData.neverListed(county, 10_000_000L + i),
					"平顶山筛查样本商贸有限公司" + i });
		}
		rows.addAll(never);
		for (int i = 0; i < wrong; i++) {
			String code = never.get(i)[0];
			String bad = switch (i % 3) {
				case 0 -> code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
				case 1 -> code.substring(0, 17);
				default -> code.substring(0, 10) + "O" + code.substring(11);
			};
			rows.add(new String[] { bad, "平顶山代码有误商贸有限公司" + i });
		}
		for (int i = 0; i < repeated; i++) {
			rows.add(never.get(never.size() - 1 - i).clone());
		}
		Collections.shuffle(rows, new Random(2026));
		StringBuilder csv = new StringBuilder("名称,统一社会信用代码\n");
		rows.forEach(row -> csv.append(row[1]).append(',').append(row[0]).append('\n'));
		byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);

		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String boundary = "----liandong-bench-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-"
				+ subjects + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);

		System.out.printf("批量筛查：上传 %,d 个主体（%,d 字节）%n", subjects, content.length);
		long start = System.nanoTime();
		HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/credit/screenings")))
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		double uploadSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long id = JSON.readTree(started.body()).path("id").asLong();
		JsonNode progress;
		int polls = 0;
		long deadline = start + Duration.ofMinutes(5).toNanos();
		while (true) {
			progress = JSON.readTree(get(http, authorization, "/api/v1/credit/screenings/" + id).body());
			polls++;
			if (!"RUNNING".equals(progress.path("state").asString()) || System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(100);
		}
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		double processingSeconds = jdbc.queryForObject(
				"select coalesce(extract(epoch from finished_at - started_at), -1) from credit_screening where id = ?",
				Double.class, id);
		long downloadStart = System.nanoTime();
		HttpResponse<String> result = get(http, authorization, "/api/v1/credit/screenings/" + id + "/result");
		double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
		long resultRows = result.statusCode() == 200 ? result.body().lines().count() - 1 : -1;
		ScreeningRun run = new ScreeningRun(id, subjects, content.length, progress.path("state").asString(),
				progress.path("problem").asString(""), progress.path("total").asInt(), progress.path("listed").asInt(),
				progress.path("rejected").asInt(), onList, wrong + repeated, ended, wrong, repeated, uploadSeconds,
				wallSeconds, processingSeconds, polls, downloadSeconds, result.body() == null ? 0 : result.body().length(),
				resultRows);
		System.out.printf("批量筛查：%s，上传到完成 %.2f 秒（上传 %.2f 秒，后台处理 %.2f 秒）%n", run.state(), wallSeconds,
				uploadSeconds, processingSeconds);
		return run;
	}

	private HttpResponse<String> get(HttpClient http, String authorization, String path)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofMinutes(1))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** The plans of the statements a check, the audit chaining, a screening chunk and the hourly expiry run. */
	private List<Plan> plans(List<String[]> listed) {
		String code = listed.get(0)[0];
		String chunk = listed.stream().limit(1000).map(c -> "'" + c[0] + "'").collect(Collectors.joining(", "));
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("单次核查：按代码查在公示期内的名单记录（CreditCheckService.check）", """
				select e.id, e.subject_uscc, e.subject_name, e.decision_number, e.published_until from credit_entry e
				where e.state = 'PUBLISHED' and e.published_until > now() and e.subject_uscc = '%s'""".formatted(code));
		statements.put("审计串链：认领最早的 2,000 条未串链核查（CreditCheckAudit.chainBatch，运行结束后；随后按这些 id 更新）",
				"select id from credit_check where audit_batch is null order by id limit 2000 for update skip locked");
		statements.put("批量筛查：一块 1,000 个代码（CreditCheckService.lookUp）", """
				select e.id, e.subject_uscc, e.subject_name, e.decision_number, e.published_until from credit_entry e
				where e.state = 'PUBLISHED' and e.published_until > now() and e.subject_uscc in (%s)""".formatted(chunk));
		statements.put("每小时的公示期满检查（CreditService.expire）",
				"select * from credit_entry where state = 'PUBLISHED' and published_until < now()");
		List<Plan> plans = new ArrayList<>();
		statements.forEach((name, sql) -> {
			String explain = sql.startsWith("update") ? "explain " : "explain (analyze, buffers) ";
			List<String> lines = jdbc.queryForList(explain + sql, String.class).stream()
				.map(line -> line.length() > 150 ? line.substring(0, 147) + "..." : line)
				.toList();
			plans.add(new Plan(name, lines));
		});
		return plans;
	}

	private void write(Report r) throws IOException {
		String commit = BenchmarkEnvironment.commit();
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		String machine = ("%s，%d 核，内存 %.1f GiB，JVM %s（最大堆 %d MiB），PostgreSQL %s（同一台机器；synchronous_commit=%s，"
				+ "shared_buffers=%s）").formatted(InetAddress.getLocalHost().getHostName(),
						Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
						System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1024 / 1024,
						BenchmarkEnvironment.setting(jdbc, "server_version"), BenchmarkEnvironment.setting(jdbc, "synchronous_commit"), BenchmarkEnvironment.setting(jdbc, "shared_buffers"));
		Instant now = Instant.now();
		Correctness c = r.correctness();
		ScreeningRun s = r.screening();

		StringBuilder md = new StringBuilder("# 信用核查基准 Credit check benchmark\n\n");
		md.append(("由 `./mvnw verify -Pbenchmark -Dit.test=CreditCheckBenchmarkIT` 生成（`CreditCheckBenchmarkIT`）。"
				+ "目标（记录，不判定成败）：单次核查每秒 1,000 次且 p99 < 5 毫秒；100,000 个主体的批量筛查从上传到完成 < 10 秒。"
				+ "判定成败的只有正确性：每次核查都记入 `credit_check`，并在限定时间内全部串入审计链（R4.4），答复与名单相符，"
				+ "筛查计数准确。\n\n"));
		md.append("- 日期：%s\n- 提交：%s\n- 机器：%s\n".formatted(now, commit, machine));
		md.append("- 应用：数据库连接池 %s 个连接；HTTP Basic（`%s`），密码经 bcrypt 校验通过后 5 分钟内不再做 bcrypt（`RecentCredentials`），30 秒内不再读账户（`liandong.security.sign-in-cache`）；联合惩戒备忘录在施措施 %d 条\n"
			.formatted(BenchmarkEnvironment.poolSize(dataSource), USER, r.measuresInForce()));
		md.append("- 数据：`credit_entry` 共 %,d 条（%s）；本次运行新生成 %,d 条，耗时 %,d 毫秒（已有的数据复用）\n".formatted(
				r.states().values().stream().mapToLong(Long::longValue).sum(),
				r.states().entrySet().stream().map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
					.collect(Collectors.joining("，")),
				r.loaded().written(), r.loaded().elapsed().toMillis()));
		md.append(("- 方法：单次核查为 `GET /api/v1/credit/checks?uscc=…`，每个客户端闭环执行（上一次答复后即发下一次），回环地址 127.0.0.1，"
				+ "所有客户端共用一个 java.net.http.HttpClient（HTTP/1.1，保持连接）。代码的构成：%d%% 在公示期内（已列入），"
				+ "%d%% 有名单记录但已期满、已修复、不予列入或仍在申辩期（未列入），其余 %d%% 从未列入（随机生成的有效代码）。"
				+ "先经 HTTP 做 JIT 预热（不计；每 10 秒一段，至少 %d 秒、至多其 4 倍，直到某一段中 JIT 编译线程占用的处理器时间不足该段时长的 1%%；本次 "
				+ r.warmUp().describe() + "），每档再预热 %d 秒、不停顿地测量 %d 秒，只计测量时段内答复的核查。"
				+ "“模块调用”在测试进程内直接调用 `CreditChecks.check`，不经 HTTP 与安全过滤器，用来区分接口层与数据库的开销。"
				+ "“HTTP 接口”各档都以同一名执法人员核查（每人每分钟的限额在测试配置中调高），“十个县的执法人员轮流”"
				+ "为 8 个客户端各以十县执法人员之一核查：一人的核查都要锁定此人在 `rate_limit_bucket` 中的同一行（每次核查在其事务的最后计数，锁到提交为止），多人的则不然。"
				+ "顺序：JIT 预热 → HTTP 各档 → 十人 → 批量筛查 → 模块调用。"
				+ "负载客户端、应用和 PostgreSQL 共用这台机器的处理器\n").formatted(LISTED_SHARE, DELISTED_SHARE,
						100 - LISTED_SHARE - DELISTED_SHARE, r.jit().toSeconds(), r.warmup().toSeconds(),
						r.length().toSeconds()));
		md.append("- 统计信息与清理：%s\n".formatted(r.autovacuum()));
		md.append("\n## 单次核查\n\n");
		md.append("| 方式 | 客户端 | 测量 (s) | 完成 | 每秒 | p50 (ms) | p95 (ms) | p99 (ms) | 最大 (ms) | CPU 整机 / JVM | 失败 | ≥1,000/s 且 p99 < 5 ms |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
		for (Part p : r.parts()) {
			ClosedLoop.Result m = p.result();
			md.append("| %s | %d | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.1f | %s | %d | %s |\n".formatted(p.name(),
					m.clients(), m.length().toSeconds(), m.counted(), m.perSecond(), m.percentile(0.5),
					m.percentile(0.95), m.percentile(0.99), m.millis().length == 0 ? Double.NaN
							: m.millis()[m.millis().length - 1],
					percent(p.cpu()), m.failed(), m.perSecond() >= 1000 && m.percentile(0.99) < 5 ? "是" : "否"));
		}
		md.append("\n答复中“已列入”的比例：%.1f%%（共答复 %,d 次，其中已列入 %,d 次）。\n".formatted(
				r.tally().answered.get() == 0 ? 0 : 100.0 * r.tally().listedAnswers.get() / r.tally().answered.get(),
				r.tally().answered.get(), r.tally().listedAnswers.get()));

		md.append("\n### 时间花在哪里\n\n");
		md.append(("处理器时间按进程和线程分（测量时段内，占整机全部处理器时间的比例；PostgreSQL 按 /proc 中 postgres 进程计（含测量中结束的后端进程），"
				+ "其他进程 = 整机 − JVM − PostgreSQL）。"
				+ "请求线程的状态为每 100 毫秒取一次线程快照的统计（HTTP 为 Tomcat 的请求线程，进程内为客户端线程），"
				+ "只计正在处理请求的线程；“可运行”包括在处理器上和等待处理器。\n\n"));
		// the same columns in the same order in every run (ordered by the first row's shares they moved between runs)
		List<String> groups = r.parts().stream().flatMap(p -> p.threads().cpu().keySet().stream()).distinct()
			.sorted(Comparator.comparingInt(Threads::column)).toList();
		md.append("| 方式 · 客户端 | 其他进程 | ").append(String.join(" | ", groups)).append(" |\n");
		md.append("|---|---:|").append("---:|".repeat(groups.size())).append("\n");
		for (Part p : r.parts()) {
			md.append("| %s | %.0f%% | ".formatted(p.title(), Math.max(0, p.cpu().machine() - p.cpu().jvm()
					- p.threads().cpu().getOrDefault(Threads.POSTGRES, 0.0)) * 100));
			md.append(groups.stream().map(g -> "%.0f%%".formatted(p.threads().cpu().getOrDefault(g, 0.0) * 100))
				.collect(Collectors.joining(" | ")));
			md.append(" |\n");
		}
		List<String> threadStates = r.parts().stream().flatMap(p -> p.threads().states().keySet().stream()).distinct()
			.toList();
		md.append("\n| 方式 · 客户端 | 平均忙线程 | ").append(String.join(" | ", threadStates)).append(" |\n");
		md.append("|---|---:|").append("---:|".repeat(threadStates.size())).append("\n");
		for (Part p : r.parts()) {
			md.append("| %s | %.1f | ".formatted(p.title(), p.threads().busyThreads()));
			md.append(threadStates.stream().map(st -> "%.0f%%".formatted(p.threads().states().getOrDefault(st, 0.0) * 100))
				.collect(Collectors.joining(" | ")));
			md.append(" |\n");
		}
		md.append("\n垃圾回收停顿（测量时段内，次数和总时长）：%s。\n".formatted(r.parts().stream()
			.map(p -> "%s %d 次 %d ms".formatted(p.title(), p.threads().collections(), p.threads().collectionMillis()))
			.collect(Collectors.joining("，"))));
		md.append("\n测量时段内 PostgreSQL 在做的事（每 100 毫秒一次查看 pg_stat_activity 所见正在执行的语句，所有数据库，含 autovacuum；"
				+ "核查本身的语句也在其中；最常见的五条及所见次数与采样次数之比，同一时刻几个后端执行同一语句时各计一次，故可超过 100%）：\n\n");
		for (Part p : r.parts()) {
			md.append("- %s：%s\n".formatted(p.title(), p.alongside()));
		}
		md.append("\n“可运行”的线程快照中最常见的栈顶（有安全点偏差，仅作线索）：\n\n");
		for (Part p : r.parts()) {
			md.append("- %s：%s\n".formatted(p.title(), p.threads().frames().entrySet().stream().limit(6)
				.map(e -> "`%s` %.0f%%".formatted(e.getKey(), e.getValue() * 100)).collect(Collectors.joining("，"))));
		}

		md.append("\n### 性能剖析（%s · 8）\n\n".formatted(BY_TEN)).append(r.profile().markdown("这一档的预热、测量及其后等待串链", 12));

		md.append("\n## 审计串链（R4.4）\n\n");
		md.append(("每 250 毫秒查一次 `credit_check` 中尚未串链（`audit_batch is null`）的核查有多少、最早一条等了多久；每档结束后"
				+ "等到本次运行的核查全部串链（上限 %d 秒）再进行下一档。运行开始时先 `vacuum analyze credit_check`，等之前运行遗留的"
				+ "未串链核查串完（本次遗留 %,d 条，%.1f 秒），再 `vacuum analyze` 一次，得到线上常态的统计信息（几乎没有未串链的行）。\n\n")
			.formatted(Long.getLong("liandong.bench.credit.audit-wait-seconds", 30), c.leftover(), c.leftoverSeconds()));
		md.append("| 方式 · 客户端 | 未串链的核查最多 | 最早未串链核查的最大等待 (s) | 该档结束后全部串链用时 (s) |\n|---|---:|---:|---:|\n");
		for (Part p : r.parts()) {
			md.append("| %s | %,d | %.1f | %s |\n".formatted(p.title(), p.maxBacklog(), p.maxAgeSeconds(),
					Double.isNaN(p.drainSeconds()) ? "未串完（超过上限）" : "%.1f".formatted(p.drainSeconds())));
		}
		md.append(("\n- 核对（不符即失败）：答复 %,d 次，`credit_check` 新增 %,d 行（本账号；全部 %,d 行），最后等待后仍未串链 %,d 行，"
				+ "已串链的分 %,d 批；审计链新增本账号的 CREDIT_CHECK 记录 %,d 条；答复与名单不符 %,d 次；整条审计链校验：%s（%,d 条，%.1f 秒）\n")
			.formatted(c.answered(), c.recorded(), c.recordedAll(), c.unchained(), c.batches(), c.auditRecords(),
					c.wrongAnswers(), c.chain().intact() ? "完好" : "断裂于第 " + c.chain().firstBrokenSeq() + " 条",
					c.chain().recordsChecked(), c.verifySeconds()));
		if (c.unchained() > 0) {
			md.append(("- 判定之后的清理：`vacuum analyze credit_check` 使统计信息反映积压，再等应用串完剩下的核查，以免之后在本模式上运行的"
					+ "基准继承这批积压：%s\n").formatted(Double.isNaN(c.cleanUpSeconds()) ? "上限内未串完"
							: "%.1f 秒后全部串链".formatted(c.cleanUpSeconds())));
		}

		md.append("\n## 批量筛查 %,d 个主体\n\n".formatted(s.subjects()));
		md.append(("- 文件：CSV（UTF-8，表头“名称,统一社会信用代码”），%,d 行、%,.1f MB：公示期内的 %,d 个，有名单记录但不在公示期内的（期满、已修复、不予列入、申辩期中）%,d 个，"
				+ "无法筛查的 %,d 行（校验码错、位数不足、含字母 O 的 %,d 行，与前面重复的 %,d 行），其余从未列入；顺序打乱\n")
			.formatted(s.subjects(), s.bytes() / 1e6, s.expectedListed(), s.ended(), s.expectedRejected(), s.invalid(),
					s.duplicates()));
		md.append("- 方法：`POST /api/v1/credit/screenings` 上传，此后每 100 毫秒 `GET /api/v1/credit/screenings/{id}`，直到不再是 RUNNING\n\n");
		md.append("| 项目 | 值 |\n|---|---:|\n");
		md.append("| 上传到完成（墙钟） | %.2f s |\n".formatted(s.wallSeconds()));
		md.append("| 其中上传请求（解析文件、登记任务） | %.2f s |\n".formatted(s.uploadSeconds()));
		md.append("| 后台筛查（started_at → finished_at） | %.2f s |\n".formatted(s.processingSeconds()));
		md.append("| 结果下载（%,d 行，%,.1f MB） | %.2f s |\n".formatted(s.resultRows(), s.resultChars() / 1e6,
				s.downloadSeconds()));
		md.append("| 状态 / 已列入 / 无法筛查 | %s / %,d / %,d |\n".formatted(s.state(), s.listed(), s.rejected()));
		md.append("| 目标 < 10 s | %s |\n".formatted(s.wallSeconds() < 10 && "DONE".equals(s.state()) ? "达到" : "未达到"));

		md.append("\n## 查询计划\n\n运行后在同一数据上 `explain (analyze, buffers)`（更新语句只 `explain`）：\n");
		for (Plan plan : r.plans()) {
			md.append("\n%s：\n\n```\n%s\n```\n".formatted(plan.name(), String.join("\n", plan.lines())));
		}

		Path folder = Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(folder.resolve("credit-check.md"), md);
		Files.writeString(Path.of("docs/benchmarks/credit-check.md"), md);

		StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"credit-check\",\n");
		json.append("  \"date\": \"%s\",\n  \"commit\": \"%s\",\n  \"machine\": \"%s\",\n  \"entries\": %d,\n"
			.formatted(now, commit, machine.replace("\"", "'"), r.states().values().stream().mapToLong(Long::longValue).sum()));
		json.append("  \"warmup_s\": %d,\n  \"duration_s\": %d,\n  \"checks\": [\n".formatted(r.warmup().toSeconds(),
				r.length().toSeconds()));
		for (int i = 0; i < r.parts().size(); i++) {
			Part p = r.parts().get(i);
			ClosedLoop.Result m = p.result();
			json.append(("    {\"way\": \"%s\", \"clients\": %d, \"checks\": %d, \"per_s\": %.1f, \"p50_ms\": %.2f, "
					+ "\"p95_ms\": %.2f, \"p99_ms\": %.2f, \"failed\": %d, \"cpu_machine\": %.2f, \"cpu_jvm\": %.2f, "
					+ "\"audit_backlog_max\": %d, \"audit_age_max_s\": %.2f, \"audit_drain_s\": %s}%s\n").formatted(
							p.name().startsWith("HTTP") ? "http" : "in_process", m.clients(), m.counted(),
							m.perSecond(), m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.failed(),
							p.cpu().machine(), p.cpu().jvm(), p.maxBacklog(), p.maxAgeSeconds(), number(p.drainSeconds()),
							i < r.parts().size() - 1 ? "," : ""));
		}
		json.append("  ],\n");
		json.append(("  \"audit\": {\"answered\": %d, \"recorded\": %d, \"unchained\": %d, \"audit_records\": %d, "
				+ "\"drain_s\": %s, \"backlog_max\": %d, \"age_max_s\": %.2f, \"chain_intact\": %s, \"cleanup_s\": %s},\n")
			.formatted(c.answered(), c.recorded(), c.unchained(), c.auditRecords(), number(c.chainDrainSeconds()),
					c.maxBacklog(), c.maxAgeSeconds(), c.chain().intact(), number(c.cleanUpSeconds())));
		json.append(("  \"screening\": {\"subjects\": %d, \"state\": \"%s\", \"wall_s\": %.2f, \"upload_s\": %.2f, "
				+ "\"processing_s\": %.2f, \"listed\": %d, \"rejected\": %d}\n}\n").formatted(s.subjects(), s.state(),
						s.wallSeconds(), s.uploadSeconds(), s.processingSeconds(), s.listed(), s.rejected()));
		Files.writeString(folder.resolve("credit-check.json"), json);
		BenchmarkResults.record(jdbc, "credit-check", r.parts().stream()
			.map(p -> "%s %d: %,.0f/s p99 %.1f ms".formatted(p.name().equals(BY_TEN) ? "HTTP (10 people)"
					: p.name().startsWith("HTTP") ? "HTTP" : "in process",
					p.result().clients(), p.result().perSecond(), p.result().percentile(0.99)))
			.collect(java.util.stream.Collectors.joining(", ")) + "; screening %.1f s (targets 1,000/s p99 < 5 ms, 10 s)"
				.formatted(s.wallSeconds()), md);
		System.out.println(md);
	}

	/** One check by code over the REST API with the given credentials, its answer tallied. */
	private void checkOverHttp(HttpClient http, String authorization, Subject subject, Tally tally) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/api/v1/credit/checks?uscc=%s"
			.formatted(port, subject.code())))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET checks?uscc=%s: %d %s".formatted(subject.code(), response.statusCode(),
					response.body()));
		}
		tally.answered(subject, response.body().contains("\"listed\":true"));
	}

	/** A number for JSON, which has no NaN. */
	private static String number(double value) {
		return Double.isNaN(value) ? "null" : "%.2f".formatted(value);
	}

	private static String percent(Cpu cpu) {
		return "%.0f%% / %.0f%%".formatted(cpu.machine() * 100, cpu.jvm() * 100);
	}




	/** A subject to check and whether the list has it in force. */
	record Subject(String code, boolean listed) {
	}

	/** Each client's own sequence of subjects: listed, delisted and never-listed codes in the stated shares. */
	static final class Mix {

		private final List<String[]> listed;
		private final List<String[]> delisted;
		private final SplittableRandom[] randoms;

		Mix(List<String[]> listed, List<String[]> delisted, int clients) {
			this.listed = listed;
			this.delisted = delisted;
			this.randoms = new SplittableRandom[clients];
			for (int c = 0; c < clients; c++) {
				randoms[c] = new SplittableRandom(1000 + c);
			}
		}

		Subject next(int client) {
			SplittableRandom random = randoms[client];
			int share = random.nextInt(100);
			if (share < LISTED_SHARE) {
				return new Subject(listed.get(random.nextInt(listed.size()))[0], true);
			}
			if (share < LISTED_SHARE + DELISTED_SHARE) {
				return new Subject(delisted.get(random.nextInt(delisted.size()))[0], false);
			}
			String county = COUNTIES[random.nextInt(COUNTIES.length)];
			return new Subject(CreditData.neverListed(county, random.nextLong(1_000_000_000L)), false);
		}
	}

	/** Checks answered, those on the list, and answers that contradicted the list. */
	static final class Tally {

		final AtomicLong answered = new AtomicLong();
		final AtomicLong listedAnswers = new AtomicLong();
		final AtomicLong wrong = new AtomicLong();

		void answered(Subject subject, boolean listed) {
			answered.incrementAndGet();
			if (listed) {
				listedAnswers.incrementAndGet();
			}
			if (listed != subject.listed()) {
				wrong.incrementAndGet();
				throw new IllegalStateException("%s answered listed=%s".formatted(subject.code(), listed));
			}
		}
	}

	/**
	 * How far the audit chaining lags: every 250 ms, how many checks are not yet chained and how long
	 * the oldest of them has waited.
	 */
	static final class AuditWatch {

		private record Sample(long at, long backlog, double age) {
		}

		private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		private final AtomicBoolean running = new AtomicBoolean(true);
		private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-audit-watch"));

		static AuditWatch start(JdbcTemplate jdbc) {
			AuditWatch watch = new AuditWatch();
			watch.thread.submit(() -> {
				while (watch.running.get()) {
					try {
						jdbc.query("""
								select count(*), coalesce(extract(epoch from clock_timestamp() - min(checked_at)), 0)
								from credit_check where audit_batch is null""", rs -> {
							watch.samples.add(new Sample(System.nanoTime(), rs.getLong(1), rs.getDouble(2)));
						});
						Thread.sleep(250);
					}
					catch (InterruptedException e) {
						return;
					}
					catch (RuntimeException e) {
						// a missed sample only
					}
				}
			});
			return watch;
		}

		void stop() throws InterruptedException {
			running.set(false);
			thread.shutdownNow();
			thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
		}

		long maxBacklog() {
			return maxBacklog(Long.MIN_VALUE, Long.MAX_VALUE);
		}

		double maxAge() {
			return maxAge(Long.MIN_VALUE, Long.MAX_VALUE);
		}

		long maxBacklog(long from, long to) {
			synchronized (samples) {
				return samples.stream().filter(s -> s.at() >= from && s.at() <= to).mapToLong(Sample::backlog).max()
					.orElse(0);
			}
		}

		double maxAge(long from, long to) {
			synchronized (samples) {
				return samples.stream().filter(s -> s.at() >= from && s.at() <= to).mapToDouble(Sample::age).max()
					.orElse(0);
			}
		}
	}

	/**
	 * Where the threads of the application spent a window: the CPU time of each kind of thread (as a
	 * share of all the machine's processors) and, every 100 ms, the state of each thread handling a
	 * check, from its stack.
	 */
	static final class Threads {

		static final Predicate<ThreadInfo> TOMCAT_WORKER = t -> t.getThreadName().startsWith("http-nio")
				&& t.getThreadName().contains("-exec-");

		static final Predicate<ThreadInfo> LOOP_WORKER = t -> Arrays.stream(t.getStackTrace())
			.anyMatch(f -> f.getClassName().equals(ClosedLoop.class.getName()));

		static final String IDLE = "空闲";

		/** Deep enough to reach the client loop at the bottom of a check made in process. */
		private static final int DEPTH = 256;

		/**
		 * @param busyThreads threads handling a check, on average over the samples
		 * @param states share of each state among the busy threads' samples
		 * @param frames share of each top frame among the runnable samples, most frequent first
		 * @param cpu share of the machine's CPU time used by each kind of thread
		 */
		record Report(int samples, double busyThreads, Map<String, Double> states, Map<String, Double> frames,
				Map<String, Double> cpu, long collections, long collectionMillis) {
		}

		static Future<Report> over(Duration delay, Duration length, Predicate<ThreadInfo> worker) {
			ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-thread-sampler"));
			try {
				return thread.submit(() -> {
					Thread.sleep(delay.toMillis());
					ThreadMXBean mx = ManagementFactory.getThreadMXBean();
					Map<Long, Long> before = cpuTimes(mx);
					long jvmBefore = processCpu();
					long postgresBefore = postgresTicks();
					long[] gcBefore = collections();
					long start = System.nanoTime();
					long end = start + length.toNanos();
					Map<String, Long> states = new HashMap<>();
					Map<String, Long> frames = new HashMap<>();
					int samples = 0;
					long busy = 0;
					while (System.nanoTime() < end) {
						for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds(), DEPTH)) {
							if (info == null || !worker.test(info)) {
								continue;
							}
							String state = classify(info);
							if (IDLE.equals(state)) {
								continue;
							}
							busy++;
							states.merge(state, 1L, Long::sum);
							if (state.startsWith("可运行") && info.getStackTrace().length > 0) {
								StackTraceElement top = info.getStackTrace()[0];
								String name = top.getClassName().substring(top.getClassName().lastIndexOf('.') + 1);
								frames.merge(name + "." + top.getMethodName(), 1L, Long::sum);
							}
						}
						samples++;
						Thread.sleep(100);
					}
					long wall = System.nanoTime() - start;
					double all = (double) wall * Runtime.getRuntime().availableProcessors();
					Map<String, Double> cpu = new LinkedHashMap<>();
					Map<Long, Long> after = cpuTimes(mx);
					long threads = 0;
					for (long id : mx.getAllThreadIds()) {
						ThreadInfo info = mx.getThreadInfo(id);
						Long now = after.get(id);
						if (info == null || now == null) {
							continue;
						}
						long used = Math.max(0, now - before.getOrDefault(id, 0L));
						threads += used;
						cpu.merge(group(info.getThreadName()), used / all, Double::sum);
					}
					cpu.put("JVM 其余（GC、JIT 编译、已结束的线程）", Math.max(0, processCpu() - jvmBefore - threads) / all);
					cpu.put(POSTGRES, (postgresTicks() - postgresBefore) * 1e9 / TICKS / all);
					long[] gcAfter = collections();
					return new Report(samples, samples == 0 ? 0 : (double) busy / samples, shares(states, busy),
							shares(frames, frames.values().stream().mapToLong(Long::longValue).sum()), order(cpu),
							gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
				});
			}
			finally {
				thread.shutdown();
			}
		}

		private static String classify(ThreadInfo info) {
			StackTraceElement[] stack = info.getStackTrace();
			Thread.State state = info.getThreadState();
			if (stack.length == 0) {
				return "其他";
			}
			boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
			boolean inPool = Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("com.zaxxer.hikari.pool")
					&& f.getMethodName().equals("getConnection"));
			boolean inDriver = Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.postgresql"));
			String top = stack[0].getClassName();
			boolean io = top.startsWith("sun.nio.ch") || top.startsWith("java.net") || top.startsWith("java.io")
					|| top.startsWith("jdk.internal.misc.Unsafe") || top.startsWith("sun.security.ssl");
			if (waiting && Arrays.stream(stack).limit(12).anyMatch(f -> f.getClassName().endsWith("TaskQueue")
					|| f.getMethodName().equals("getTask"))) {
				return IDLE;
			}
			if (inPool && waiting) {
				return "等待连接池";
			}
			if (inDriver && (io || waiting)) {
				return "等待 PostgreSQL";
			}
			if (state == Thread.State.BLOCKED) {
				return "等待锁";
			}
			if (state == Thread.State.RUNNABLE) {
				return inDriver ? "可运行 · JDBC 驱动" : "可运行 · 其余代码";
			}
			return "其他等待";
		}

		private static String group(String name) {
			if (name.startsWith("http-nio")) {
				return "Tomcat 线程";
			}
			if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
				return "负载客户端";
			}
			if (name.startsWith("scheduling")) {
				return "定时任务（审计串链）";
			}
			if (name.startsWith("bench-")) {
				return "测量（线程快照、积压查询）";
			}
			return "其他线程";
		}

		static final String POSTGRES = "PostgreSQL 进程";

		/** The processor table's columns, in this order; others after them. */
		private static final List<String> COLUMNS = List.of(POSTGRES, "Tomcat 线程", "负载客户端",
				"JVM 其余（GC、JIT 编译、已结束的线程）", "定时任务（审计串链）", "其他线程", "测量（线程快照、积压查询）");

		static int column(String group) {
			int index = COLUMNS.indexOf(group);
			return index < 0 ? COLUMNS.size() : index;
		}

		/** Garbage collections so far and the milliseconds they took, all collectors together. */
		private static long[] collections() {
			long count = 0;
			long millis = 0;
			for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				count += Math.max(0, collector.getCollectionCount());
				millis += Math.max(0, collector.getCollectionTime());
			}
			return new long[] { count, millis };
		}

		/** Clock ticks a second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
		private static final double TICKS = 100;

		/**
		 * User and system ticks of the PostgreSQL processes on this machine so far, with those of their children that
		 * ended (0 where /proc is missing): a backend that ends during the measurement takes its ticks from the sum,
		 * and its parent, the postmaster, gains them as its children's once it has reaped it.
		 */
		private static long postgresTicks() {
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
					.toList()) {
					try {
						String stat = Files.readString(process.resolve("stat"));
						int close = stat.lastIndexOf(')');
						if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
							continue;
						}
						String[] fields = stat.substring(close + 2).split(" ");
						// after the name: state is field 3 of stat, utime 14, stime 15, cutime 16 and cstime 17
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
								+ Long.parseLong(fields[14]);
					}
					catch (IOException | RuntimeException gone) {
						// the process ended meanwhile
					}
				}
			}
			catch (IOException e) {
				return 0;
			}
			return ticks;
		}

		private static Map<Long, Long> cpuTimes(ThreadMXBean mx) {
			Map<Long, Long> times = new HashMap<>();
			for (long id : mx.getAllThreadIds()) {
				long time = mx.getThreadCpuTime(id);
				if (time >= 0) {
					times.put(id, time);
				}
			}
			return times;
		}

		private static long processCpu() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		private static Map<String, Double> shares(Map<String, Long> counts, long total) {
			Map<String, Double> shares = new LinkedHashMap<>();
			counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> shares.put(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total));
			return shares;
		}

		private static Map<String, Double> order(Map<String, Double> cpu) {
			Map<String, Double> ordered = new LinkedHashMap<>();
			cpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach(e -> ordered.put(e.getKey(), e.getValue()));
			return ordered;
		}
	}

	/** One way of checking at one number of clients: its run, the CPU meanwhile, where its threads were, the audit lag. */
	record Part(String name, ClosedLoop.Result result, Cpu cpu, Threads.Report threads, long maxBacklog,
			double maxAgeSeconds, double drainSeconds, String alongside) {

		String title() {
			return "%s · %d".formatted(name, result.clients());
		}
	}

	record Correctness(long answered, long wrongAnswers, long recorded, long recordedAll, long unchained, long batches,
			long auditRecords, double chainDrainSeconds, long maxBacklog, double maxAgeSeconds,
			AuditTrail.ChainVerification chain, double verifySeconds, long leftover, double leftoverSeconds,
			double cleanUpSeconds) {
	}

	record ScreeningRun(long id, int subjects, int bytes, String state, String problem, int total, int listed,
			int rejected, int expectedListed, int expectedRejected, int ended, int invalid, int duplicates,
			double uploadSeconds, double wallSeconds, double processingSeconds, int polls, double downloadSeconds,
			int resultChars, long resultRows) {
	}

	record Plan(String name, List<String> lines) {
	}

	record Report(long target, ProvinceGenerator.Phase loaded, Map<String, Long> states, long measuresInForce, Duration jit,
			Duration warmup, Duration length, List<Part> parts, Correctness correctness, ScreeningRun screening,
			List<Plan> plans, Tally tally, Profile.Summary profile, JitWarmUp.Done warmUp, String autovacuum) {
	}
}
