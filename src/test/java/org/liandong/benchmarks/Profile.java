package org.liandong.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import one.profiler.AsyncProfiler;

/**
 * A processor profile of part of a benchmark (issue 18), taken with async-profiler in its cpu mode: every thread
 * of the JVM (the JIT compilers and the garbage collector included) is sampled each millisecond of processor
 * time it uses, so a method's share of the samples is its share of the JVM's processor time. JDK Flight
 * Recorder's execution samples, used before, took 20-30 samples a second on the saturated machine (677 and 884 in
 * the lifecycle's two parts of 2026-12-07 22:51) and put SM2 signing at 35.6 % of them, where its share of the
 * processor time was 11.2 % in the run of 2026-12-08 01:32. Summed by thread, by the method on top of
 * the stack and by the nearest of the application's own methods; the stacks (collapsed) and a flame graph are
 * kept in target/benchmarks.
 */
final class Profile {

	/** A thread's number in its pool or group: after a dash, or at the end ("exec-12", "GC Thread#0"), not "C2". */
	private static final Pattern NUMBERS = Pattern.compile("(?<=-)\\d+|\\d+$");

	/** What the samples show: the threads and the frames seen most, each with its share of the samples. */
	record Summary(String profiler, long samples, List<Share> threads, List<Share> topFrames,
			List<Share> applicationFrames, Path flameGraph) {

		/** The paragraph that says how the part was profiled, and the three tables. */
		String markdown(String part, int rows) {
			StringBuilder md = new StringBuilder(("%s（cpu 模式，每用 1 毫秒处理器时间采样一次，JVM 的全部线程，含 JIT "
					+ "编译与垃圾回收；不含 PostgreSQL）在%s期间共采得 %,d 个样本，即 JVM 在这段时间所用处理器时间的分布；"
					+ "火焰图 `%s`，折叠栈在同名 `.collapsed.txt`。\n\n").formatted(profiler, part, samples, flameGraph));
			table(md, "线程（名称中的数字记作 #）", threads, rows);
			table(md, "栈顶方法", topFrames, rows);
			table(md, "离栈顶最近的本应用方法", applicationFrames, rows);
			return md.toString();
		}

		private static void table(StringBuilder md, String heading, List<Share> shares, int rows) {
			md.append("| %s | 占比 |\n|---|---:|\n".formatted(heading));
			shares.stream().limit(rows).forEach(s -> md.append("| `%s` | %.1f%% |\n".formatted(s.frame(), s.percent())));
			md.append("\n");
		}
	}

	record Share(String frame, long samples, double percent) {
	}

	/** The work's result and its profile. */
	record Profiled<T>(T result, Summary summary) {
	}

	private Profile() {
	}

	/**
	 * Loads the profiler and starts and stops it once, to be called before a benchmark's warm-up, so that whatever
	 * the first start costs the JVM (the agent's library, its class-loading hooks) falls outside the measured time.
	 */
	static void prepare() {
		AsyncProfiler profiler = AsyncProfiler.getInstance();
		execute(profiler, "start,event=cpu,interval=1ms");
		profiler.stop();
	}

	static <T> Profiled<T> of(String name, Callable<T> work) throws Exception {
		Path directory = Files.createDirectories(Path.of("target/benchmarks"));
		AsyncProfiler profiler = AsyncProfiler.getInstance();
		execute(profiler, "start,event=cpu,interval=1ms,threads");
		T result;
		try {
			result = work.call();
		}
		catch (Exception | Error failed) {
			try {
				profiler.stop();
			}
			catch (RuntimeException stopping) {
				failed.addSuppressed(stopping);
			}
			throw failed;
		}
		profiler.stop();
		Path flameGraph = directory.resolve(name + ".html");
		execute(profiler, "flamegraph,file=" + flameGraph.toAbsolutePath());
		String collapsed = execute(profiler, "collapsed");
		Files.writeString(directory.resolve(name + ".collapsed.txt"), collapsed);
		return new Profiled<>(result, summarise("async-profiler " + profiler.getVersion(), collapsed, flameGraph));
	}

	private static String execute(AsyncProfiler profiler, String command) {
		try {
			return profiler.execute(command);
		}
		catch (IOException e) {
			throw new IllegalStateException("async-profiler: " + command, e);
		}
	}

	/**
	 * Lines of "[thread tid=n];frame;…;top count", frames from the stack's bottom to its top, Java methods as
	 * org/liandong/…/Class.method.
	 */
	static Summary summarise(String profiler, String collapsed, Path flameGraph) {
		Map<String, Long> threads = new HashMap<>();
		Map<String, Long> top = new HashMap<>();
		Map<String, Long> application = new HashMap<>();
		long samples = 0;
		for (String line : collapsed.split("\n")) {
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				continue;
			}
			long count = Long.parseLong(line.substring(space + 1));
			String[] frames = line.substring(0, space).split(";");
			samples += count;
			threads.merge(thread(frames[0]), count, Long::sum);
			top.merge(name(frames[frames.length - 1]), count, Long::sum);
			for (int i = frames.length - 1; i > 0; i--) {
				if (frames[i].startsWith("org/liandong/")) {
					application.merge(name(frames[i]), count, Long::sum);
					break;
				}
			}
		}
		return new Summary(profiler, samples, shares(threads, samples), shares(top, samples), shares(application, samples),
				flameGraph);
	}

	/** "[http-nio-auto-1-exec-12 tid=4711]" as "http-nio-auto-#-exec-#"; the compilers' "C1"/"C2" kept apart. */
	private static String thread(String frame) {
		String name = frame.startsWith("[") && frame.endsWith("]") ? frame.substring(1, frame.length() - 1) : frame;
		int tid = name.lastIndexOf(" tid=");
		return NUMBERS.matcher(tid < 0 ? name : name.substring(0, tid)).replaceAll("#");
	}

	/** A Java method without its package (Class.method), any other frame as it is. */
	private static String name(String frame) {
		int slash = frame.lastIndexOf('/');
		return slash < 0 || frame.indexOf('.', slash) < 0 ? frame : frame.substring(slash + 1);
	}

	private static List<Share> shares(Map<String, Long> counts, long samples) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.map(e -> new Share(e.getKey(), e.getValue(), samples == 0 ? 0 : 100.0 * e.getValue() / samples))
			.toList();
	}
}
