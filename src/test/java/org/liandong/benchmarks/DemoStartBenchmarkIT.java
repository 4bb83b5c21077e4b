package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The demo's start-up and its heap (issue 18, P5: start-up of the demo under 10 s on this machine; heap after start
 * and under load), in two ways: the application as built ({@code java -jar target/liandong-*.jar}, no JVM options),
 * and the README's quick start ({@code ops/quick-start.sh}: the jar's extracted layout with a class data sharing
 * archive recorded by a training start, C1 compiler only), whose preparation (extracting and training, once per
 * build) is timed on its own. Each way, with the default profile (the demo on the embedded H2 database under
 * {@code ./data}), is started in a process of its own, in an empty folder, twice, each once the machine has settled
 * (one-minute load average under 0.5, waited for up to four minutes, the load recorded): the first start loads the
 * Pingdingshan demo data and makes its year of records, the second finds them there. Measured from the moment the
 * process is started: the log's "Started", the first answer of the sign-in page (polled every 50 ms) and, at the
 * first start, the demo year's closing log line. The heap is read with {@code jcmd GC.heap_info}: in use after start,
 * in use at samples every two seconds while eight clients read lists, inbox, bulletins and dashboards over the REST
 * API for a minute after the second start (no credit checks: a person's limit of 120 a minute would refuse them), and
 * live (after {@code jcmd GC.run}) after start and at the end of the load. Not a timed test: the figures go to
 * docs/benchmarks/demo-start.md; it fails only when the application does not start, the quick start does not use
 * its archive (the JVM's warning in its log, or Metaspace in use not under half of java -jar's) or makes it at every
 * start, an archive older than the jar is not made again, or a request under load
 * fails.
 * {@code ./mvnw verify -Pbenchmark -Dit.test=DemoStartBenchmarkIT}; {@code -Dliandong.bench.demo.load-seconds}.
 */
@Tag("benchmark")
class DemoStartBenchmarkIT {

	private static final Duration TARGET = Duration.ofSeconds(10);

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private static final Duration QUIET_WAIT = Duration.ofMinutes(4);

	/** The one-minute load average a start waits for: a quarter of this machine's two cores. */
	private static final double QUIET_LOAD = 0.5;

	private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");

	/** Where the quick start keeps the extracted application and its archive. */
	private static final Path QUICK_START_FOLDER = Path.of("target/quick-start");

	/** The line {@code ops/quick-start.sh} writes when it makes the archive. */
	private static final String PREPARING = "快速启动：解开应用并记录启动所用的类";



	@Test
	void the_demo_starts_and_its_heap_after_start_and_under_load() throws Exception {
		Path jar = applicationJar();
		Path folder = Path.of("target/benchmarks/demo-start");
		FileSystemUtils.deleteRecursively(folder);
		Files.createDirectories(folder);

		Measured asBuilt = measure(Way.asBuilt(jar), folder.resolve("as-built"));
		FileSystemUtils.deleteRecursively(QUICK_START_FOLDER);
		double prepared = prepareQuickStart(folder.resolve("prepare.log"));
		Measured quick = measure(Way.QUICK_START, folder.resolve("quick-start"));
		assertThat(Files.readString(folder.resolve("quick-start/first.log")))
			.as("the quick start uses the archive prepared before").doesNotContain(PREPARING)
			.as("the quick start uses its class data sharing archive").doesNotContain("Unable to use shared archive");
		// and, seen from the heap: the archive's classes are mapped from it, not loaded into Metaspace
		for (Start start : List.of(quick.first(), quick.second())) {
			assertThat(start.live().metaspace()).as("the quick start's Metaspace in use, MiB (java -jar: %d)",
					asBuilt.first().live().metaspace()).isPositive()
				.isLessThan(asBuilt.first().live().metaspace() / 2);
		}
		// the README: made again after a new build, i.e. when the jar is newer than the archive
		Path archive = QUICK_START_FOLDER.resolve("liandong.jsa");
		Files.setLastModifiedTime(archive,
				FileTime.from(Files.getLastModifiedTime(jar).toInstant().minus(Duration.ofMinutes(1))));
		prepareQuickStart(folder.resolve("prepare-again.log"));
		assertThat(Files.readString(folder.resolve("prepare-again.log"))).as("an archive older than the jar is made again")
			.contains(PREPARING);
		assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
		write(jar, asBuilt, prepared, quick);
	}

	/**
	 * How the demo is started: its names in the report and in the results line, and the command before the
	 * application's own arguments.
	 */
	record Way(String name, String label, String command, List<String> argv) {

		static final Way QUICK_START = new Way("快速启动", "quick start",
				"`ops/quick-start.sh`（解开的应用、类数据共享存档、仅 C1 编译器）",
				List.of(Path.of("ops/quick-start.sh").toAbsolutePath().toString()));

		static Way asBuilt(Path jar) {
			return new Way("按构建结果", "java -jar", "`java -jar %s`（无 JVM 参数）".formatted(jar.getFileName()),
					List.of(javaTool("java"), "-jar", jar.toAbsolutePath().toString()));
		}
	}

	/** One way's two starts and the load after the second. */
	record Measured(Way way, Start first, String loadFirst, Start second, String loadSecond, Load load) {
	}

	private static Measured measure(Way way, Path folder) throws Exception {
		Files.createDirectories(folder);
		String loadFirst = quiet();
		Start first;
		try (Demo demo = Demo.start(way, folder, "first")) {
			first = demo.awaitStart(true);
		}
		String loadSecond = quiet();
		Start second;
		Load load;
		try (Demo demo = Demo.start(way, folder, "second")) {
			second = demo.awaitStart(false);
			load = underLoad(demo, Duration.ofSeconds(Long.getLong("liandong.bench.demo.load-seconds", 60)));
		}
		assertThat(load.failures()).as("%s: requests under load that failed: %s", way.name(), load.failed()).isZero();
		return new Measured(way, first, loadFirst, second, loadSecond, load);
	}

	/** {@code ops/quick-start.sh --prepare-only} once the machine has settled, seconds. */
	private static double prepareQuickStart(Path log) throws Exception {
		quiet();
		long began = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(Way.QUICK_START.argv().get(0), "--prepare-only")
			.redirectErrorStream(true).redirectOutput(log.toFile());
		asOnAFreshMachine(builder);
		assertThat(builder.start().waitFor()).as("ops/quick-start.sh --prepare-only (its log: %s)", log).isZero();
		return (System.nanoTime() - began) / 1e9;
	}

	/**
	 * Waits up to four minutes for the machine to settle (the one-minute load average under 0.5, the benchmarks before
	 * this one and the build having left it busy) and gives the load averages it starts with.
	 */
	private static String quiet() throws InterruptedException {
		Instant until = Instant.now().plus(QUIET_WAIT);
		while (Instant.now().isBefore(until) && BenchmarkEnvironment.oneMinuteLoad() >= QUIET_LOAD) {
			Thread.sleep(5_000);
		}
		return BenchmarkEnvironment.loadAverage();
	}


	/** What a start took, from the process's start, and the heap once it had started. */
	record Start(double started, double answered, double springStarted, double yearDone, Heap heap, Heap live) {
	}

	/** The heap as {@code jcmd GC.heap_info} gives it, MiB. */
	record Heap(long committed, long used, long metaspace) {
	}

	record Load(int clients, Duration length, long requests, long failures, List<String> failed, Heap maxUsed, Heap live) {
	}

	private static Load underLoad(Demo demo, Duration length) throws Exception {
		int clients = 8;
		Instant end = Instant.now().plus(length);
		LongAdder requests = new LongAdder();
		LongAdder failures = new LongAdder();
		ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			running.add(pool.submit(() -> {
				String county = DemoCounties.PREFIXES.get(client % DemoCounties.PREFIXES.size());
				Api enforcer = Api.at(demo.port).as(county + ".enforcer", Fixtures.PASSWORD);
				Api liaison = Api.at(demo.port).as(county + ".liaison", Fixtures.PASSWORD);
				Api leader = Api.at(demo.port).as("city.leader", Fixtures.PASSWORD);
				for (int i = 0; Instant.now().isBefore(end); i++) {
					String path = switch (i % 5) {
						case 0 -> "/api/v1/cases?size=20";
						case 1 -> "/api/v1/inbox?size=20";
						case 2 -> "/api/v1/bulletins?size=20";
						case 3 -> "/api/v1/obligations/dashboard?agency=" + DemoCounties.CODES.get(i % DemoCounties.CODES.size());
						default -> "/api/v1/obligations/dashboard";
					};
					Api api = i % 5 == 1 || i % 5 == 2 ? liaison : i % 5 >= 3 ? leader : enforcer;
					Api.Reply reply = api.get(path);
					requests.increment();
					if (reply.status() != 200) {
						failures.increment();
						failed.add(reply.status() + " " + path);
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		Heap max = new Heap(0, 0, 0);
		while (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
			Heap now = demo.heap(false);
			max = now.used() > max.used() ? now : max;
		}
		for (Future<?> client : running) {
			client.get();
		}
		return new Load(clients, length, requests.sum(), failures.sum(), failed.stream().limit(5).toList(), max,
				demo.heap(true));
	}

	/** The application in a process of its own, its log kept in the folder. */
	private static final class Demo implements AutoCloseable {

		final Process process;
		final int port;
		final long began = System.nanoTime();
		volatile double started = Double.NaN;
		volatile double springStarted = Double.NaN;
		volatile double yearDone = Double.NaN;

		private Demo(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static Demo start(Way way, Path folder, String name) throws IOException {
			int port;
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			List<String> command = new ArrayList<>(way.argv());
			command.add("--server.port=" + port);
			ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
			asOnAFreshMachine(builder);
			Demo demo = new Demo(builder.start(), port);
			Thread reader = new Thread(() -> demo.read(folder.resolve(name + ".log")), "demo-log-" + name);
			reader.setDaemon(true);
			reader.start();
			return demo;
		}

		private void read(Path log) {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					out.println(line);
					Matcher spring = STARTED.matcher(line);
					if (spring.find()) {
						springStarted = Double.parseDouble(spring.group(1));
						started = seconds();
					}
					if (line.contains("演示数据：生成近一年")) {
						yearDone = seconds();
					}
				}
			}
			catch (IOException ended) {
				// the process is gone; what was read is in the log
			}
		}

		double seconds() {
			return (System.nanoTime() - began) / 1e9;
		}

		Start awaitStart(boolean firstStart) throws Exception {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			HttpRequest signIn = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.timeout(Duration.ofSeconds(5)).build();
			double answered = Double.NaN;
			while (Double.isNaN(answered)) {
				assertThat(process.isAlive()).as("the demo is running (its log: target/benchmarks/demo-start)").isTrue();
				assertThat(seconds()).as("seconds until the sign-in page answers").isLessThan(GIVE_UP.toSeconds());
				try {
					if (http.send(signIn, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						answered = seconds();
					}
				}
				catch (IOException notYet) {
					Thread.sleep(50);
				}
			}
			while (firstStart && Double.isNaN(yearDone)) {
				assertThat(process.isAlive()).as("the demo is running").isTrue();
				assertThat(seconds()).as("seconds until the demo year is made").isLessThan(GIVE_UP.toSeconds());
				Thread.sleep(50);
			}
			while (Double.isNaN(started)) {
				Thread.sleep(10);
			}
			Heap heap = heap(false);
			return new Start(started, answered, springStarted, yearDone, heap, heap(true));
		}

		/** The heap now; {@code live} first collects the whole heap, so what is in use is what is reachable. */
		Heap heap(boolean live) throws IOException, InterruptedException {
			if (live) {
				jcmd("GC.run");
			}
			String info = jcmd("GC.heap_info");
			Matcher heap = HEAP.matcher(info);
			Matcher metaspace = METASPACE.matcher(info);
			assertThat(heap.find()).as("jcmd GC.heap_info: %s", info).isTrue();
			return new Heap(Long.parseLong(heap.group(1)) / 1024, Long.parseLong(heap.group(2)) / 1024,
					metaspace.find() ? Long.parseLong(metaspace.group(1)) / 1024 : -1);
		}

		private String jcmd(String command) throws IOException, InterruptedException {
			Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(process.pid()), command)
				.redirectErrorStream(true).start();
			String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor();
			return out;
		}

		@Override
		public void close() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	/** As on a fresh machine: no profile, database or setting of the build's environment reaches the demo. */
	private static void asOnAFreshMachine(ProcessBuilder builder) {
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("LIANDONG_"));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
	}

	private static String javaTool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	private static Path applicationJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("liandong-.*\\.jar")).findFirst()
				.orElseThrow(() -> new AssertionError("target/liandong-*.jar: the benchmark runs after the package phase"));
		}
	}

	private static void write(Path jar, Measured asBuilt, double prepared, Measured quick) throws IOException {
		String commit = BenchmarkEnvironment.commit();
		StringBuilder md = new StringBuilder("# 演示版启动与堆内存基准 Demo start-up and heap\n\n");
		md.append("由 `./mvnw verify -Pbenchmark` 生成（`DemoStartBenchmarkIT`），目标：演示版启动 < 10 秒，报告启动后与负载下的堆（issue 18, P5）。\n\n");
		md.append("- 日期：%s\n- 提交：%s\n- JVM %s，%d 核；默认 demo 配置，H2 内嵌数据库，每种方式各用一个空文件夹\n"
			.formatted(Instant.now(), commit, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		md.append("- 两种启动方式：%s：%s；%s：%s，其准备（解开应用、训练启动记录类数据共享存档，每次构建后一次）用时 %.1f 秒，不计入下表\n"
			.formatted(asBuilt.way().name(), asBuilt.way().command(), quick.way().name(), quick.way().command(), prepared));
		md.append("- 每次启动前等待机器平静（1 分钟平均负载低于 0.5，最多等 4 分钟），表中为启动时的负载\n");
		md.append("- 计时自进程启动起：日志出现 “Started” 的时刻；登录页首次应答（每 50 毫秒探询一次）；首次启动时演示年度数据生成完毕的日志行\n");
		md.append("- 堆：`jcmd GC.heap_info`（已提交、在用、Metaspace）；“存活”为 `jcmd GC.run` 全堆回收之后的在用量；快速启动的类大多映射自"
				+ "共享存档，不计入 Metaspace 的在用量（本基准断言其在用量为正且不到 java -jar 的一半）\n\n");
		md.append("| 方式 | 启动 | 负载（1/5/15 分钟） | Started | 登录页应答 | Spring 自报 | 演示年度完成 | 堆在用 / 已提交 | 存活 | Metaspace | < 10 s |\n");
		md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
		for (Measured way : List.of(asBuilt, quick)) {
			row(md, way.way(), "首次（空数据库，载入演示数据并生成一年记录）", way.loadFirst(), way.first());
			row(md, way.way(), "再次（数据已在）", way.loadSecond(), way.second());
		}
		md.append(("\n负载下（再次启动之后，紧接着）：%d 个客户端经 REST API 轮流读取案件列表、待办消息、快报列表、县局与全市督办台，%d 秒；每 2 秒取样。"
				+ "这是启动后第一段时间的吞吐：按构建结果启动的进程此时仍在用 C2 编译热点代码；更长时间负载下两种方式的吞吐未在此测量。\n\n")
			.formatted(asBuilt.load().clients(), asBuilt.load().length().toSeconds()));
		for (Measured way : List.of(asBuilt, quick)) {
			Load load = way.load();
			md.append("- %s：共 %,d 次请求（%.0f 次/秒），失败 %d 次；堆在用最高 %d MiB（已提交 %d MiB），负载结束时存活 %d MiB（已提交 %d MiB），Metaspace %d MiB\n"
				.formatted(way.way().name(), load.requests(), load.requests() / (double) load.length().toSeconds(),
						load.failures(), load.maxUsed().used(), load.maxUsed().committed(), load.live().used(),
						load.live().committed(), load.live().metaspace()));
		}
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/demo-start.json"), """
				{"benchmark": "demo-start", "date": "%s", "commit": "%s", "quick_start_prepared_s": %.2f,
				 "as_built": %s,
				 "quick_start": %s}
				""".formatted(Instant.now(), commit, prepared, json(asBuilt), json(quick)));
		Files.writeString(Path.of("docs/benchmarks/demo-start.md"), md);
		BenchmarkResults.record(jdbc(), "demo-start", "%s; %s (prepared once in %.1f s); target 10 s"
			.formatted(summary(asBuilt), summary(quick), prepared), md);
		System.out.println(md);
	}

	private static String summary(Measured way) {
		return ("%s: first start sign-in page after %.1f s, demo year done after %.1f s, second start %.1f s, heap live "
				+ "after start %d MiB, under load %.0f requests/s, up to %d MiB in use, %d MiB live")
			.formatted(way.way().label(), way.first().answered(),
					way.first().yearDone(), way.second().answered(), way.first().live().used(),
					way.load().requests() / (double) way.load().length().toSeconds(), way.load().maxUsed().used(),
					way.load().live().used());
	}

	private static String json(Measured way) {
		return """
				{"first": {"started_s": %.2f, "answered_s": %.2f, "year_done_s": %.2f, "heap_used_mib": %d, "live_mib": %d},
				 "second": {"started_s": %.2f, "answered_s": %.2f, "heap_used_mib": %d, "live_mib": %d},
				 "load": {"clients": %d, "seconds": %d, "requests": %d, "failures": %d, "max_used_mib": %d, "live_mib": %d}}"""
			.formatted(way.first().started(), way.first().answered(), way.first().yearDone(), way.first().heap().used(),
					way.first().live().used(), way.second().started(), way.second().answered(),
					way.second().heap().used(), way.second().live().used(), way.load().clients(),
					way.load().length().toSeconds(), way.load().requests(), way.load().failures(),
					way.load().maxUsed().used(), way.load().live().used());
	}

	private static void row(StringBuilder md, Way way, String name, String load, Start start) {
		double done = Double.isNaN(start.yearDone()) ? start.answered() : Math.max(start.answered(), start.yearDone());
		md.append("| %s | %s | %s | %.1f s | %.1f s | %.1f s | %s | %d / %d MiB | %d MiB | %d MiB | %s |\n".formatted(
				way.name(), name, load, start.started(), start.answered(), start.springStarted(),
				Double.isNaN(start.yearDone()) ? "—" : "%.1f s".formatted(start.yearDone()), start.heap().used(),
				start.heap().committed(), start.live().used(), start.live().metaspace(),
				done < TARGET.toSeconds() ? "是" : "否"));
	}

	/** The benchmarks' PostgreSQL, for the machine line of the results file. */
	private static JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password", "")));
	}
}
