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
 * and under load). The application as built ({@code java -jar target/liandong-*.jar}, no JVM options, the default
 * profile: the demo on the embedded H2 database under {@code ./data}) is started in a process of its own, in an empty
 * folder, twice, each once the machine has settled (one-minute load average under 1, waited for up to two minutes,
 * the load recorded): the first start loads the Pingdingshan demo data and makes its year of records, the second finds them
 * there. Measured from the moment the process is started: the log's "Started", the first answer of the sign-in page
 * (polled every 50 ms) and, at the first start, the demo year's closing log line. The heap is read with
 * {@code jcmd GC.heap_info}: in use after start, in use at samples every two seconds while eight clients read lists,
 * inbox, bulletins and dashboards over the REST API for a minute (no credit checks: a person's limit of 120 a
 * minute would refuse them), and live (after {@code jcmd GC.run}) after start
 * and at the end of the load. Not a timed test: the figures go to docs/benchmarks/demo-start.md; it fails only when
 * the application does not start or a request under load fails.
 * {@code ./mvnw verify -Pbenchmark -Dit.test=DemoStartBenchmarkIT}; {@code -Dliandong.bench.demo.load-seconds}.
 */
@Tag("benchmark")
class DemoStartBenchmarkIT {

	private static final Duration TARGET = Duration.ofSeconds(10);

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private static final Duration QUIET_WAIT = Duration.ofMinutes(2);

	private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");



	@Test
	void the_demo_starts_and_its_heap_after_start_and_under_load() throws Exception {
		Path jar = applicationJar();
		Path folder = Path.of("target/benchmarks/demo-start");
		FileSystemUtils.deleteRecursively(folder);
		Files.createDirectories(folder);

		String loadFirst = quiet();
		Start first;
		try (Demo demo = Demo.start(jar, folder, "first")) {
			first = demo.awaitStart(true);
		}
		String loadSecond = quiet();
		Start second;
		Load load;
		try (Demo demo = Demo.start(jar, folder, "second")) {
			second = demo.awaitStart(false);
			load = underLoad(demo, Duration.ofSeconds(Long.getLong("liandong.bench.demo.load-seconds", 60)));
		}
		assertThat(load.failures()).as("requests under load that failed: %s", load.failed()).isZero();
		write(jar, first, second, load, loadFirst, loadSecond);
	}

	/**
	 * Waits up to two minutes for the machine to settle (the one-minute load average under 1, the benchmarks before
	 * this one and the build having left it busy) and gives the load averages it starts with.
	 */
	private static String quiet() throws InterruptedException {
		Instant until = Instant.now().plus(QUIET_WAIT);
		while (Instant.now().isBefore(until) && BenchmarkEnvironment.oneMinuteLoad() >= 1.0) {
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

		static Demo start(Path jar, Path folder, String name) throws IOException {
			int port;
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			ProcessBuilder builder = new ProcessBuilder(javaTool("java"), "-jar", jar.toAbsolutePath().toString(),
					"--server.port=" + port).directory(folder.toFile()).redirectErrorStream(true);
			// as on a fresh machine: no profile, database or setting of the build's environment reaches the demo
			builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("LIANDONG_"));
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

	private static String javaTool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	private static Path applicationJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("liandong-.*\\.jar")).findFirst()
				.orElseThrow(() -> new AssertionError("target/liandong-*.jar: the benchmark runs after the package phase"));
		}
	}

	private static void write(Path jar, Start first, Start second, Load load, String loadFirst, String loadSecond)
			throws IOException {
		String commit = BenchmarkEnvironment.commit();
		StringBuilder md = new StringBuilder("# 演示版启动与堆内存基准 Demo start-up and heap\n\n");
		md.append("由 `./mvnw verify -Pbenchmark` 生成（`DemoStartBenchmarkIT`），目标：演示版启动 < 10 秒，报告启动后与负载下的堆（issue 18, P5）。\n\n");
		md.append("- 日期：%s\n- 提交：%s\n- 命令：`java -jar %s`（无 JVM 参数，默认 demo 配置，H2 内嵌数据库，空文件夹）；JVM %s，%d 核\n"
			.formatted(Instant.now(), commit, jar.getFileName(), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors()));
		md.append("- 每次启动前等待机器平静（1 分钟平均负载低于 1，最多等 2 分钟），表中为启动时的负载\n");
		md.append("- 计时自进程启动起：日志出现 “Started” 的时刻；登录页首次应答（每 50 毫秒探询一次）；首次启动时演示年度数据生成完毕的日志行\n");
		md.append("- 堆：`jcmd GC.heap_info`（已提交、在用、Metaspace）；“存活”为 `jcmd GC.run` 全堆回收之后的在用量\n\n");
		md.append("| 启动 | 负载（1/5/15 分钟） | Started | 登录页应答 | Spring 自报 | 演示年度完成 | 堆在用 / 已提交 | 存活 | Metaspace | < 10 s |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
		row(md, "首次（空数据库，载入演示数据并生成一年记录）", loadFirst, first);
		row(md, "再次（数据已在）", loadSecond, second);
		md.append("\n负载下（再次启动之后）：%d 个客户端经 REST API 轮流读取案件列表、待办消息、快报列表、县局与全市督办台，%d 秒，"
			.formatted(load.clients(), load.length().toSeconds()));
		md.append("共 %,d 次请求（%.0f 次/秒），失败 %d 次；每 2 秒取样，堆在用最高 %d MiB（已提交 %d MiB），负载结束时存活 %d MiB（已提交 %d MiB），Metaspace %d MiB。\n"
			.formatted(load.requests(), load.requests() / (double) load.length().toSeconds(), load.failures(),
					load.maxUsed().used(), load.maxUsed().committed(), load.live().used(), load.live().committed(),
					load.live().metaspace()));
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/demo-start.json"), """
				{"benchmark": "demo-start", "date": "%s", "commit": "%s",
				 "first": {"started_s": %.2f, "answered_s": %.2f, "year_done_s": %.2f, "heap_used_mib": %d, "live_mib": %d},
				 "second": {"started_s": %.2f, "answered_s": %.2f, "heap_used_mib": %d, "live_mib": %d},
				 "load": {"clients": %d, "seconds": %d, "requests": %d, "failures": %d, "max_used_mib": %d, "live_mib": %d}}
				""".formatted(Instant.now(), commit, first.started(), first.answered(), first.yearDone(),
				first.heap().used(), first.live().used(), second.started(), second.answered(), second.heap().used(),
				second.live().used(), load.clients(), load.length().toSeconds(), load.requests(), load.failures(),
				load.maxUsed().used(), load.live().used()));
		Files.writeString(Path.of("docs/benchmarks/demo-start.md"), md);
		BenchmarkResults.record(jdbc(), "demo-start", ("first start: sign-in page after %.1f s, demo year done after %.1f s; "
				+ "second start %.1f s (target 10 s); heap live after start %d MiB, under load up to %d MiB in use, %d MiB live")
			.formatted(first.answered(), first.yearDone(), second.answered(), first.live().used(), load.maxUsed().used(),
					load.live().used()),
				md);
		System.out.println(md);
	}

	private static void row(StringBuilder md, String name, String load, Start start) {
		double done = Double.isNaN(start.yearDone()) ? start.answered() : Math.max(start.answered(), start.yearDone());
		md.append("| %s | %s | %.1f s | %.1f s | %.1f s | %s | %d / %d MiB | %d MiB | %d MiB | %s |\n".formatted(name, load,
				start.started(), start.answered(), start.springStarted(),
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
