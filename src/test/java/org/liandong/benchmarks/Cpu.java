package org.liandong.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How busy the processors were over a window: the whole machine (from /proc/stat, so the database
 * on the same machine counts too) and this JVM alone, each as a share of all cores. Tells whether a
 * figure was bounded by the processors or by waiting.
 *
 * @param machine share of the machine's CPU time that was busy, NaN where /proc/stat is missing
 * @param jvm share of the machine's CPU time this JVM used
 */
record Cpu(double machine, double jvm) {

	/** Measures the window that starts after {@code delay} and lasts {@code length}, on its own thread. */
	static Future<Cpu> over(Duration delay, Duration length) {
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			return thread.submit(() -> {
				Thread.sleep(delay.toMillis());
				Meter meter = start();
				Thread.sleep(length.toMillis());
				return meter.stop();
			});
		}
		finally {
			thread.shutdown();
		}
	}

	/** Starts measuring a window that ends when the caller stops it. */
	static Meter start() {
		return new Meter(machineTicks(), jvmNanos(), System.nanoTime());
	}

	/** A window being measured. */
	record Meter(long[] machineBefore, long jvmBefore, long start) {

		Cpu stop() {
			long[] after = machineTicks();
			long wall = System.nanoTime() - start;
			double jvm = (jvmNanos() - jvmBefore) / ((double) wall * Runtime.getRuntime().availableProcessors());
			double total = after[0] - machineBefore[0];
			return new Cpu(total > 0 ? 1 - (after[1] - machineBefore[1]) / total : Double.NaN, jvm);
		}
	}

	/** All ticks and idle ticks (idle and waiting for I/O) of the machine so far. */
	private static long[] machineTicks() {
		try {
			String[] line = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			// cpu user nice system idle iowait irq softirq steal (guest time is counted in user already)
			long[] ticks = Arrays.stream(line, 1, Math.min(line.length, 9)).mapToLong(Long::parseLong).toArray();
			return new long[] { Arrays.stream(ticks).sum(), ticks[3] + ticks[4] };
		}
		catch (IOException | RuntimeException e) {
			return new long[] { 0, 0 };
		}
	}

	private static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}
}
