package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The unmeasured work before a benchmark's part: run in steps of 10 s until the JIT compilers have settled, that is
 * until a step in which their threads used the processor for less than 1 % of it, but for at least the given least
 * time and at most four times it. A fixed time was too short on a slow machine: the credit check run alone on a fresh
 * JVM with 30 s was measured while the JIT still compiled (2026-12-07: 348-385 checks/s, then 652-802 with 120 s).
 * The compilers' processor time is read from Linux's /proc: the JVM's own compilation time (CompilationMXBean) is
 * elapsed time, in which a compilation waiting for a processor counts too, and in the full run of 2026-12-07 22:51 no
 * part's warm-up came under 1 % by it (the last 10 s of the HTTP part: 6,734 ms).
 */
final class JitWarmUp {

	static final Duration STEP = Duration.ofSeconds(10);

	/** A step's compilation time under this share of the step counts as settled. */
	static final double SETTLED = 0.01;

	/** Linux's clock ticks per second in /proc's times (USER_HZ, which the kernel's ABI fixes at 100 on x86-64). */
	private static final long TICKS_PER_SECOND = 100;

	private JitWarmUp() {
	}

	/**
	 * How the warm-up ended: its length, and the compiler threads' processor time in its last step (-1 where /proc
	 * does not tell).
	 *
	 * @param settled whether the last step was under the threshold (false: the warm-up stopped at its most)
	 */
	record Done(Duration took, long lastStepCompileMillis, boolean settled) {

		String describe() {
			return "%d 秒%s".formatted(took.toSeconds(), lastStepCompileMillis < 0 ? ""
					: settled ? "（最后 10 秒中 JIT 编译线程占用处理器时间 %d 毫秒）".formatted(lastStepCompileMillis)
							: "（到上限仍在编译：最后 10 秒中 JIT 编译线程占用处理器时间 %d 毫秒）".formatted(lastStepCompileMillis));
		}
	}

	/** Runs the work with the clients until the JIT has settled; none of it may fail. */
	static Done run(String name, int clients, Duration least, ClosedLoop.Work work) throws InterruptedException {
		if (least.isZero()) {
			return new Done(Duration.ZERO, -1, false);
		}
		boolean told = compilerTicks() != null;
		Duration most = least.multipliedBy(4);
		System.out.printf("%s：JIT 预热，至少 %d 秒、至多 %d 秒，直到某 10 秒中 JIT 编译线程占用的处理器时间不足该段时长的 %.0f%%（不计入结果）%n", name,
				least.toSeconds(), most.toSeconds(), SETTLED * 100);
		Duration took = Duration.ZERO;
		long step = -1;
		boolean settled = false;
		while (took.compareTo(most) < 0) {
			Map<String, Long> before = compilerTicks();
			ClosedLoop.Result warm = ClosedLoop.run(clients, STEP, Duration.ZERO, work);
			assertThat(warm.failed()).as(name + " JIT warm-up failures: " + warm.failures()).isZero();
			took = took.plus(STEP);
			step = told ? millisSince(before) : -1;
			settled = step >= 0 && step < STEP.toMillis() * SETTLED;
			if (took.compareTo(least) >= 0 && (settled || !told)) {
				break;
			}
		}
		Done done = new Done(took, step, settled);
		System.out.printf("%s：JIT 预热 %s%n", name, done.describe());
		return done;
	}

	/**
	 * The processor time the JIT compiler threads have used since {@code before}, in ms, a thread started meanwhile
	 * counted from zero; -1 where /proc could not be read. A compiler thread that ended meanwhile takes its time with it
	 * (the JVM adds and removes compiler threads with the load; with two processors it keeps one C1 and one C2).
	 */
	static long millisSince(Map<String, Long> before) {
		Map<String, Long> now = compilerTicks();
		if (before == null || now == null) {
			return -1;
		}
		long ticks = now.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
		return ticks * 1000 / TICKS_PER_SECOND;
	}

	/**
	 * The clock ticks of processor time each JIT compiler thread (named "C1 CompilerThread…", "C2 CompilerThread…",
	 * cut to 15 characters in /proc) has used, by thread id, or null where /proc cannot be read.
	 */
	static Map<String, Long> compilerTicks() {
		Map<String, Long> ticks = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ended) {
					continue;
				}
				// pid (comm) state ppid …: utime and stime are the 14th and 15th fields, the 12th and 13th after comm
				int close = stat.lastIndexOf(')');
				String comm = stat.substring(stat.indexOf('(') + 1, close);
				if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
					String[] fields = stat.substring(close + 2).split(" ");
					ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
				}
			}
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
		return ticks;
	}
}
