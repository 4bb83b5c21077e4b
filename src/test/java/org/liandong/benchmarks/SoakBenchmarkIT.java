package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import tools.jackson.databind.JsonNode;

/**
 * Load held (issue 24): the work of every business role of a province's bureaus over the REST API, at a fixed
 * rate for ten minutes, with the application's scheduler running beside it (reminders, escalations, message
 * routing). An open loop: each request is started at its planned instant whether the earlier ones have been
 * answered or not, and its latency counts from that instant, so a server falling behind shows as latency
 * rather than as a slower client. Per minute: requests, errors, latencies, the machine's and the JVM's
 * processors, the heap (in use, and the old generation after its last collection), the connection pool
 * (busy, waiting threads) and the database's connections. Not a timed test: the figures go to
 * docs/benchmarks/soak.md. Asserted is only what must hold whatever the speed: no request answered with an
 * error, every assistance request the run carried to its end confirmed, the pool idle again afterwards,
 * nothing waiting for a connection (the least of samples over ten seconds, the application's own jobs running on), and the
 * audit chain intact.
 * {@code ./mvnw verify -Pbenchmark -Dit.test=SoakBenchmarkIT}; {@code -Dliandong.bench.soak.minutes},
 * {@code -Dliandong.bench.soak.rate} (requests per second). On the province's data of the other benchmarks
 * ({@link BenchmarkData}, generated when missing), so the lists, checks and dashboards read a province's
 * volume; {@code -Dliandong.bench.soak.province-data=false} runs on the demo data alone.
 */
@Tag("benchmark")
@LiandongIntegrationTest
class SoakBenchmarkIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** Requesting bureau → assisting bureau, by the prefix of their demo accounts. */
	private static final List<String[]> PAIRS = List.of(new String[] { "xinhua", "weidong", "410403" },
			new String[] { "baofeng", "lushan", "410423" }, new String[] { "ruzhou", "jiaxian", "410425" });



	/**
	 * What the people of the bureaus do, and how often out of 100 requests: mostly reading their lists, inbox,
	 * checks and dashboards, a sixth of it writing.
	 */
	enum Kind {

		CASE_LIST("执法人员 · 案件列表", 20), CASE_REGISTER("执法人员 · 登记案件", 5), CASE_VIEW("执法人员 · 查看案件", 5),
		CREDIT_CHECK("执法人员 · 信用核查", 15), ASSISTANCE("执法人员 · 协查办理（起草、发出、受理、答复、确认之一）", 10),
		INBOX("联络员 · 待办消息", 15), BULLETIN_LIST("联络员 · 快报列表", 5), BULLETIN_SEND("联络员 · 发出快报", 1),
		BULLETIN_ACK("联络员 · 签收快报", 3), DASHBOARD_BUREAU("领导 · 某县局督办台", 10), DASHBOARD_CITY("领导 · 全市督办台", 5),
		CREDIT_ENTRIES("法制机构 · 失信名单", 3), OPERATIONS("执法支队 · 联合执法行动", 3);

		final String label;
		final int weight;

		Kind(String label, int weight) {
			this.label = label;
			this.weight = weight;
		}

		static Kind draw(SplittableRandom random) {
			int n = random.nextInt(100);
			for (Kind kind : values()) {
				n -= kind.weight;
				if (n < 0) {
					return kind;
				}
			}
			throw new IllegalStateException("the weights add up to 100");
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	private final Map<String, Api> people = new java.util.concurrent.ConcurrentHashMap<>();

	/** Per requesting bureau: its cases for requests to be about. */
	private final Map<String, ConcurrentLinkedQueue<Long>> cases = new java.util.concurrent.ConcurrentHashMap<>();

	/** Assistance requests waiting for their next step: {pair, id, version, stage}. */
	private final ConcurrentLinkedQueue<long[]> requests = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> bulletins = new ConcurrentLinkedQueue<>();

	private final List<Long> registered = java.util.Collections.synchronizedList(new ArrayList<>());

	/** The bureau (its accounts' prefix) of each case the run registered. */
	private final Map<Long, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

	private final List<Long> confirmed = java.util.Collections.synchronizedList(new ArrayList<>());

	@Test
	void a_province_s_mixed_work_for_ten_minutes() throws Exception {
		assertThat(environment.getRequiredProperty("spring.datasource.url"))
			.as("the benchmark runs on PostgreSQL: ./mvnw verify -Pbenchmark").startsWith("jdbc:postgresql:");
		int minutes = Integer.getInteger("liandong.bench.soak.minutes", 10);
		double rate = Double.parseDouble(System.getProperty("liandong.bench.soak.rate", "15"));
		int warmupSeconds = Integer.getInteger("liandong.bench.soak.warmup-seconds", 60);
		HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		// the province's data, as every benchmark reads it (generated by the first benchmark of a run)
		if (Boolean.parseBoolean(System.getProperty("liandong.bench.soak.province-data", "true"))) {
			BenchmarkData.ensure(jdbc, transactionManager);
		}
		// what autovacuum does on a live database (it is off on this machine): statistics, and the visibility
		// map without which every index-only scan of the generated tables reads their rows too
		jdbc.execute("vacuum analyze");
		String data = "案件 %,d 件，督办义务 %,d 项，失信名单 %,d 条，审计记录 %,d 条".formatted(count("enforcement_case"),
				count("obligation"), count("credit_entry"), count("audit_record"));
		String loadBefore = load();

		long interval = (long) (1e9 / rate);
		long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		long from = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
		long end = from + TimeUnit.MINUTES.toNanos(minutes);
		Minute[] perMinute = new Minute[minutes];
		for (int i = 0; i < minutes; i++) {
			perMinute[i] = new Minute(i + 1,
					Cpu.over(Duration.ofNanos(from - System.nanoTime() + TimeUnit.MINUTES.toNanos(i)), Duration.ofMinutes(1)));
		}
		Map<Kind, List<Double>> perKind = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			perKind.put(kind, java.util.Collections.synchronizedList(new ArrayList<>()));
		}
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicLong failed = new AtomicLong();
		AtomicLong warmupDone = new AtomicLong();

		// every second: the pool, the heap and the threads, kept per minute
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			if (now >= from && now < end) {
				perMinute[(int) ((now - from) / TimeUnit.MINUTES.toNanos(1))].sample(pool, jdbc);
			}
		}, 0, 1, TimeUnit.SECONDS);

		ExecutorService workers = Executors.newFixedThreadPool(64);
		long measured = 0;
		SplittableRandom random = new SplittableRandom(2026_12_05L);
		System.out.printf("持续负载：每秒 %.1f 个请求，预热 %d 秒，测量 %d 分钟；%s%n", rate, warmupSeconds, minutes, data);
		for (long k = 0;; k++) {
			long due = start + k * interval;
			if (due >= end) {
				break;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			Kind kind = Kind.draw(random);
			long seed = random.nextLong();
			if (due >= from) {
				measured++;
			}
			workers.submit(() -> {
				try {
					Kind done = perform(kind, new SplittableRandom(seed));
					long answered = System.nanoTime();
					double millis = (answered - due) / 1e6;
					if (due < from) {
						warmupDone.incrementAndGet();
					}
					else {
						perKind.get(done).add(millis);
						perMinute[(int) ((due - from) / TimeUnit.MINUTES.toNanos(1))].answered(millis);
					}
				}
				catch (Exception | AssertionError e) {
					failed.incrementAndGet();
					if (due >= from) {
						perMinute[(int) ((due - from) / TimeUnit.MINUTES.toNanos(1))].failed();
					}
					if (failures.size() < 10) {
						failures.add(kind + ": " + e);
					}
				}
			});
			if (k % (long) (rate * 60) == 0 && due >= from) {
				System.out.printf("持续负载：第 %d 分钟%n", (due - from) / TimeUnit.MINUTES.toNanos(1) + 1);
			}
		}
		workers.shutdown();
		boolean finished = workers.awaitTermination(2, TimeUnit.MINUTES);
		sampler.shutdownNow();
		sampler.awaitTermination(10, TimeUnit.SECONDS);
		for (Minute minute : perMinute) {
			minute.close();
		}
		String loadAfter = load();

		// the requests carried to their end are confirmed in the database; the chain verifies
		List<Long> ids = new ArrayList<>(confirmed);
		long confirmedInDatabase = ids.isEmpty() ? 0 : ids.stream().filter(id -> "CONFIRMED".equals(jdbc.queryForObject(
				"select state from assistance_request where id = ?", String.class, id))).count();
		// a verification the overloaded server did not answer is reported as not made, not as a broken chain
		Api.Reply verification = Api.at(port).as("auditor", Fixtures.PASSWORD).get("/api/v1/audit/verification");
		JsonNode chain = verification.status() == 200 ? verification.json()
				: tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
					.put("unverified", "校验请求答复 HTTP %d".formatted(verification.status()));
		long answeredInTime = Arrays.stream(perMinute).mapToLong(m -> m.millis.size() + m.failed).sum();
		// the application's own jobs keep running (the scheduler polls, the dashboard's history): a connection
		// busy at one instant is theirs; one never given back is busy at every sample of ten seconds
		int busyAfter = pool.getActiveConnections();
		int waitingAfter = pool.getThreadsAwaitingConnection();
		for (int sample = 0; sample < 50 && (busyAfter > 0 || waitingAfter > 0); sample++) {
			Thread.sleep(200);
			busyAfter = Math.min(busyAfter, pool.getActiveConnections());
			waitingAfter = Math.min(waitingAfter, pool.getThreadsAwaitingConnection());
		}

		String report = report(rate, minutes, warmupSeconds, data, loadBefore, loadAfter, perMinute, perKind,
				failed.get(), new ArrayList<>(failures), warmupDone.get(), ids.size(), confirmedInDatabase, registered.size(),
				chain, busyAfter, waitingAfter, BenchmarkEnvironment.poolSize(dataSource), measured,
				measured - answeredInTime);
		System.out.println(report);

		assertThat(finished).as("every request answered within two minutes after the end").isTrue();
		assertThat(failed.get()).as("requests answered with an error: " + failures).isZero();
		assertThat(confirmedInDatabase).as("assistance requests confirmed in the database").isEqualTo(ids.size());
		assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
		assertThat(busyAfter).as("connections still busy after the run").isZero();
		assertThat(waitingAfter).as("threads still waiting for a connection").isZero();
	}

	/** One request of the kind drawn (or, where it has nothing to act on yet, the one that prepares it). */
	private Kind perform(Kind kind, SplittableRandom random) {
		String county = DemoCounties.PREFIXES.get(random.nextInt(DemoCounties.PREFIXES.size()));
		switch (kind) {
			case CASE_LIST -> ok(as(county + ".enforcer").get("/api/v1/cases?size=20"), 200);
			case CASE_REGISTER -> {
				String[] pair = PAIRS.get(random.nextInt(PAIRS.size()));
				register(pair[0]);
			}
			case CASE_VIEW -> {
				if (registered.isEmpty()) {
					return perform(Kind.CASE_LIST, random);
				}
				long id;
				synchronized (registered) {
					id = registered.get(random.nextInt(registered.size()));
				}
				ok(as(owners.get(id) + ".enforcer").get("/api/v1/cases/" + id), 200);
			}
			case CREDIT_CHECK -> ok(as(county + ".enforcer").get("/api/v1/credit/checks?uscc="
					+ Fixtures.uscc(DemoCounties.CODES.get(random.nextInt(DemoCounties.CODES.size())))), 200);
			case ASSISTANCE -> {
				return assistanceStep(random);
			}
			case INBOX -> ok(as(county + ".liaison").get("/api/v1/inbox?size=20"), 200);
			case BULLETIN_LIST -> ok(as(county + ".liaison").get("/api/v1/bulletins?size=20"), 200);
			case BULLETIN_SEND -> bulletins.add(ok(as("xinhua.liaison").post("/api/v1/bulletins", """
					{"title": "%s", "body": "新华区某化工企业发生泄漏，请各地排查同类企业。"}"""
				.formatted(Fixtures.unique("持续负载快报"))), 201).path("id").asLong());
			case BULLETIN_ACK -> {
				Long id = bulletins.poll();
				if (id == null) {
					return perform(Kind.BULLETIN_LIST, random);
				}
				ok(as("weidong.liaison").post("/api/v1/bulletins/" + id + "/acknowledgement", ""), 200);
			}
			case DASHBOARD_BUREAU -> ok(as("city.leader").get("/api/v1/obligations/dashboard?agency="
					+ DemoCounties.CODES.get(random.nextInt(DemoCounties.CODES.size()))), 200);
			case DASHBOARD_CITY -> ok(as("city.leader").get("/api/v1/obligations/dashboard"), 200);
			case CREDIT_ENTRIES -> ok(as("city.legal").get("/api/v1/credit/entries?size=20"), 200);
			case OPERATIONS -> ok(as("city.detachment").get("/api/v1/joint-operations?size=20"), 200);
		}
		return kind;
	}

	/** The next step of a request under way, the most advanced first; a new draft when none waits. */
	private Kind assistanceStep(SplittableRandom random) {
		long[] request = requests.poll();
		if (request == null) {
			int p = random.nextInt(PAIRS.size());
			String[] pair = PAIRS.get(p);
			Long caseId = cases.computeIfAbsent(pair[0], k -> new ConcurrentLinkedQueue<>()).poll();
			if (caseId == null) {
				register(pair[0]);
				return Kind.CASE_REGISTER;
			}
			JsonNode draft = ok(as(pair[0] + ".enforcer").post("/api/v1/assistance-requests", """
					{"caseId": %d, "assistingAgencyCode": "%s", "matters": "核实该企业在贵辖区的经营场所及从业人员情况。",
					 "legalBasis": "《中华人民共和国安全生产法》第二十八条", "answerBy": "%s"}"""
				.formatted(caseId, pair[2], LocalDate.now(BEIJING).plusDays(30))), 201);
			requests.add(new long[] { p, draft.path("id").asLong(), draft.path("version").asLong(), 0 });
			return Kind.ASSISTANCE;
		}
		String[] pair = PAIRS.get((int) request[0]);
		String path = "/api/v1/assistance-requests/" + request[1] + "/";
		String version = "{\"version\": %d}".formatted(request[2]);
		JsonNode next = switch ((int) request[3]) {
			case 0 -> ok(as(pair[0] + ".enforcer").post(path + "send", version), 200);
			case 1 -> ok(as(pair[1] + ".enforcer").post(path + "accept", version), 200);
			case 2 -> ok(as(pair[1] + ".enforcer").post(path + "answer", """
					{"version": %d, "text": "经核查，该企业在本辖区的经营场所已停业，从业人员名册已调取。"}""".formatted(request[2])), 200);
			default -> ok(as(pair[0] + ".enforcer").post(path + "confirm", version), 200);
		};
		if (request[3] == 3) {
			confirmed.add(request[1]);
		}
		else {
			requests.add(new long[] { request[0], request[1], next.path("version").asLong(), request[3] + 1 });
		}
		return Kind.ASSISTANCE;
	}

	private void register(String prefix) {
		String division = DemoCounties.CODES.get(DemoCounties.PREFIXES.indexOf(prefix));
		JsonNode kase = Fixtures.enterpriseCase(as(prefix + ".enforcer"), division, "COUNTY");
		long id = kase.path("id").asLong();
		cases.computeIfAbsent(prefix, k -> new ConcurrentLinkedQueue<>()).add(id);
		registered.add(id);
		owners.put(id, prefix);
	}

	private Api as(String username) {
		return people.computeIfAbsent(username, u -> Api.at(port).as(u, LiandongIntegrationTest.DEMO_PASSWORD));
	}

	private static JsonNode ok(Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("%d %s".formatted(reply.status(), reply.body()));
		}
		return reply.body().isEmpty() ? null : reply.json();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return "%s / %s / %s".formatted(fields[0], fields[1], fields[2]);
		}
		catch (IOException | RuntimeException e) {
			return "?";
		}
	}

	/** One measured minute: what was planned in it, and the samples taken during it. */
	static final class Minute {

		final int number;
		final Future<Cpu> cpu;
		final List<Double> millis = new ArrayList<>();
		long failed;
		int busyMax;
		int waitingMax;
		int totalMax;
		long heapMax;
		long heapEnd;
		long oldAfterGc;
		int threadsEnd;
		int databaseConnections;
		long gcCount;
		long gcMillis;
		long[] gcBefore;
		String load = "?";

		Minute(int number, Future<Cpu> cpu) {
			this.number = number;
			this.cpu = cpu;
		}

		synchronized void answered(double value) {
			millis.add(value);
		}

		synchronized void failed() {
			failed++;
		}

		synchronized void sample(HikariPoolMXBean pool, JdbcTemplate jdbc) {
			if (gcBefore == null) {
				gcBefore = gc();
			}
			busyMax = Math.max(busyMax, pool.getActiveConnections());
			waitingMax = Math.max(waitingMax, pool.getThreadsAwaitingConnection());
			totalMax = Math.max(totalMax, pool.getTotalConnections());
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			heapMax = Math.max(heapMax, heap);
			heapEnd = heap;
			threadsEnd = ManagementFactory.getThreadMXBean().getThreadCount();
			databaseConnections = Math.max(databaseConnections, jdbc.queryForObject(
					"select count(*) from pg_stat_activity where datname = current_database()", Integer.class));
			load = load();
			oldAfterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(p -> p.getName().contains("Old Gen") && p.getCollectionUsage() != null)
				.mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
			long[] now = gc();
			gcCount = now[0] - gcBefore[0];
			gcMillis = now[1] - gcBefore[1];
		}

		synchronized void close() {
			millis.sort(null);
		}

		double percentile(double p) {
			return millis.isEmpty() ? Double.NaN : millis.get(Math.min(millis.size() - 1, (int) (millis.size() * p)));
		}

		static long[] gc() {
			long count = 0;
			long time = 0;
			for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
				count += Math.max(0, bean.getCollectionCount());
				time += Math.max(0, bean.getCollectionTime());
			}
			return new long[] { count, time };
		}
	}

	private String report(double rate, int minutes, int warmupSeconds, String data, String loadBefore, String loadAfter,
			Minute[] perMinute, Map<Kind, List<Double>> perKind, long failed, List<String> failures, long warmupDone,
			int carried, long confirmedInDatabase, int cases, JsonNode chain, int busyAfter, int waitingAfter,
			String poolSize, long measured, long unanswered) throws Exception {
		Instant now = Instant.now();
		String commit = BenchmarkEnvironment.commit();
		String machine = BenchmarkResults.machine(jdbc);
		StringBuilder md = new StringBuilder("# 持续负载（soak，issue 24）\n\n");
		md.append("- 日期：%s；提交：%s\n- 机器：%s\n- 负载（1/5/15 分钟平均）：开始前 %s，结束后 %s；连接池上限 %s\n- 数据：%s\n\n"
			.formatted(now, commit, machine, loadBefore, loadAfter, poolSize, data));
		md.append(("方法：`./mvnw verify -Pbenchmark -Dit.test=SoakBenchmarkIT`。开环：按计划时刻每秒发出 %.1f 个请求（不论前面的请求是否已答复），"
				+ "延迟自计划时刻算起，所以服务端跟不上时表现为延迟，而不是客户端变慢；64 个发送线程，HTTP Basic，回环地址。"
				+ "开始前 `vacuum analyze`（本机的 autovacuum 关闭，线上数据库由它完成）。"
				+ "先预热 %d 秒（%,d 个请求，不计），再测量 %d 分钟。应用的调度任务（督办扫描、消息分发、督办台统计）同时运行。"
				+ "请求的构成（每 100 个）：%s。速率的依据：一个省约 180 个市、县应急管理局，高峰时每局约 5 人同时在用，"
				+ "每人每分钟约 1 个请求，即每秒约 15 个。\n\n").formatted(rate, warmupSeconds, warmupDone, minutes,
						Arrays.stream(Kind.values()).map(k -> k.label + " " + k.weight).collect(Collectors.joining("，"))));
		md.append("## 逐分钟\n\n| 分钟 | 请求 | 失败 | p50 (ms) | p95 (ms) | p99 (ms) | 最大 (ms) | CPU 整机 / JVM | 堆（最大 / 分钟末） | 老年代（上次回收后） | GC 次数 / 耗时 | 连接池（最忙 / 等待 / 总数） | 数据库连接（最多） | 线程 | 负载 |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"soak\",\n  \"date\": \"%s\",\n  \"commit\": \"%s\",\n  \"rate\": %.1f,\n  \"minutes\": [\n"
			.formatted(now, commit, rate));
		for (Minute m : perMinute) {
			Cpu cpu = m.cpu.get();
			md.append("| %d | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.0f%% / %.0f%% | %d / %d MiB | %d MiB | %d / %d ms | %d / %d / %d | %d | %d | %s |\n"
				.formatted(m.number, m.millis.size(), m.failed, m.percentile(0.5), m.percentile(0.95), m.percentile(0.99),
						m.percentile(1.0), cpu.machine() * 100, cpu.jvm() * 100, m.heapMax >> 20, m.heapEnd >> 20,
						m.oldAfterGc >> 20, m.gcCount, m.gcMillis, m.busyMax, m.waitingMax, m.totalMax,
						m.databaseConnections, m.threadsEnd, m.load));
			json.append(("    {\"minute\": %d, \"requests\": %d, \"failed\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, \"p99_ms\": %.1f, "
					+ "\"max_ms\": %.1f, \"cpu_machine\": %.2f, \"cpu_jvm\": %.2f, \"heap_max_mib\": %d, \"old_after_gc_mib\": %d, "
					+ "\"pool_busy_max\": %d, \"pool_waiting_max\": %d, \"threads\": %d}%s\n").formatted(m.number, m.millis.size(),
							m.failed, m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.percentile(1.0), cpu.machine(),
							cpu.jvm(), m.heapMax >> 20, m.oldAfterGc >> 20, m.busyMax, m.waitingMax, m.threadsEnd,
							m.number < perMinute.length ? "," : ""));
		}
		json.append("  ],\n  \"failed\": %d\n}\n".formatted(failed));
		md.append("\n## 按请求种类（整个测量时段）\n\n| 种类 | 请求 | p50 (ms) | p95 (ms) | p99 (ms) | 最大 (ms) |\n|---|---:|---:|---:|---:|---:|\n");
		for (Map.Entry<Kind, List<Double>> entry : perKind.entrySet()) {
			double[] v = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			md.append("| %s | %,d | %s | %s | %s | %s |\n".formatted(entry.getKey().label, v.length, at(v, 0.5), at(v, 0.95),
					at(v, 0.99), at(v, 1.0)));
		}
		md.append(("\n## 核对（不符即失败）\n\n- 测量时段计划发出的请求 %,d 个，运行结束时仍未答复的 %,d 个（不计入上表）\n- 失败的请求：%d%s\n- 本次登记案件 %,d 件；走完全程（起草、发出、受理、答复、确认）的协查请求 %,d 件，"
				+ "数据库中均为已确认办结：%,d 件\n- 审计链校验：%s（校验 %,d 条）\n- 结束后连接池（10 秒内最少）：忙 %d，等待 %d\n")
			.formatted(measured, unanswered, failed, failures.isEmpty() ? "" : "（前几个：" + String.join("；", failures) + "）", cases, carried,
					confirmedInDatabase, chain.has("unverified") ? "未能校验（" + chain.path("unverified").asString() + "）"
							: chain.path("intact").asBoolean() ? "完好" : "断裂：" + chain.path("problem").asString(),
					chain.path("recordsChecked").asLong(), busyAfter, waitingAfter));
		Path folder = Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(folder.resolve("soak.md"), md);
		Files.writeString(folder.resolve("soak.json"), json);
		Files.writeString(Path.of("docs/benchmarks/soak.md"), md);
		// minutes in which nothing was answered, or in which the sampler got no connection, say nothing of either
		double worstP95 = Arrays.stream(perMinute).filter(m -> !m.millis.isEmpty()).mapToDouble(m -> m.percentile(0.95))
			.max().orElse(Double.NaN);
		long firstOld = Arrays.stream(perMinute).filter(m -> m.heapMax > 0).findFirst().map(m -> m.oldAfterGc >> 20).orElse(0L);
		long lastOld = Arrays.stream(perMinute).filter(m -> m.heapMax > 0).reduce((a, b) -> b).map(m -> m.oldAfterGc >> 20)
			.orElse(0L);
		BenchmarkResults.record(jdbc, "soak", ("%.0f requests/s for %d min: %d failed, %d of %d unanswered at the end, "
				+ "worst minute p95 %.0f ms, old generation after GC %d → %d MiB, pool waiting max %d").formatted(rate, minutes,
						failed, unanswered, measured, worstP95, firstOld, lastOld,
						Arrays.stream(perMinute).mapToInt(m -> m.waitingMax).max().orElse(0)), md);
		return md.toString();
	}

	private static String at(double[] sorted, double p) {
		return sorted.length == 0 ? "—" : "%.1f".formatted(sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))]);
	}
}
