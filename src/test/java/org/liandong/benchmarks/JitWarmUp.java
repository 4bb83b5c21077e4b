package org.liandong.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The unmeasured work before a benchmark's part: run in steps of 10 s until the JIT compilers have settled, that is
 * until a step in which they compiled for less than 1 % of its time, but for at least the given least time and at most
 * four times it. A fixed time was too short on a slow machine: the credit check run alone on a fresh JVM with 30 s
 * was measured while the JIT still compiled (2026-12-07: 348-385 checks/s, then 652-802 with 120 s).
 */
final class JitWarmUp {

	static final Duration STEP = Duration.ofSeconds(10);

	/** A step's compilation time under this share of the step counts as settled. */
	static final double SETTLED = 0.01;

	private JitWarmUp() {
	}

	/**
	 * How the warm-up ended: its length, and the compilation time of its last step (-1 where the JVM does not tell).
	 *
	 * @param settled whether the last step was under the threshold (false: the warm-up stopped at its most)
	 */
	record Done(Duration took, long lastStepCompileMillis, boolean settled) {

		String describe() {
			return "%d 秒%s".formatted(took.toSeconds(), lastStepCompileMillis < 0 ? ""
					: settled ? "（最后 10 秒 JIT 编译 %d 毫秒）".formatted(lastStepCompileMillis)
							: "（到上限仍在编译：最后 10 秒 %d 毫秒）".formatted(lastStepCompileMillis));
		}
	}

	/** Runs the work with the clients until the JIT has settled; none of it may fail. */
	static Done run(String name, int clients, Duration least, ClosedLoop.Work work) throws InterruptedException {
		if (least.isZero()) {
			return new Done(Duration.ZERO, -1, false);
		}
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		boolean told = jit != null && jit.isCompilationTimeMonitoringSupported();
		Duration most = least.multipliedBy(4);
		System.out.printf("%s：JIT 预热，至少 %d 秒、至多 %d 秒，直到 10 秒内编译不足 %.0f%%（不计入结果）%n", name,
				least.toSeconds(), most.toSeconds(), SETTLED * 100);
		Duration took = Duration.ZERO;
		long step = -1;
		boolean settled = false;
		while (took.compareTo(most) < 0) {
			long before = told ? jit.getTotalCompilationTime() : 0;
			ClosedLoop.Result warm = ClosedLoop.run(clients, STEP, Duration.ZERO, work);
			assertThat(warm.failed()).as(name + " JIT warm-up failures: " + warm.failures()).isZero();
			took = took.plus(STEP);
			step = told ? jit.getTotalCompilationTime() - before : -1;
			settled = told && step < STEP.toMillis() * SETTLED;
			if (took.compareTo(least) >= 0 && (settled || !told)) {
				break;
			}
		}
		Done done = new Done(took, step, settled);
		System.out.printf("%s：JIT 预热 %s%n", name, done.describe());
		return done;
	}
}
