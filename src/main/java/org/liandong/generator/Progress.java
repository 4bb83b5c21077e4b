package org.liandong.generator;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Told after every chunk; the default prints the overall percentage, the rate of this run and the
 * time left. A listener that throws stops the run after that chunk's commit, as a killed process would.
 */
@FunctionalInterface
public interface Progress {

	/**
	 * @param phase obligations, cases or credit
	 * @param phaseDone rows of the phase there are now
	 * @param phaseTarget rows the phase will have
	 * @param done rows of all phases there are now
	 * @param target rows all phases will have
	 * @param written rows this run has written so far
	 * @param elapsed since this run started
	 */
	void chunk(String phase, long phaseDone, long phaseTarget, long done, long target, long written, Duration elapsed);

	/** Prints one line a chunk, e.g. {@code [cases] 300,000 / 1,000,000 · all 41.2% · 12,345 rows/s · ETA 7m 3s}. */
	static Progress printing(PrintStream out) {
		return (phase, phaseDone, phaseTarget, done, target, written, elapsed) -> {
			double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
			double rate = written / seconds;
			long left = target - done;
			String eta = rate > 0 ? format(Duration.ofSeconds(Math.round(left / rate))) : "?";
			out.printf("[%s] %,d / %,d · all %.1f%% · %,.0f rows/s · ETA %s%n", phase, phaseDone, phaseTarget,
					100.0 * done / Math.max(1, target), rate, eta);
			// printf does not flush on its own: a log read while the run goes on should be up to date
			out.flush();
		};
	}

	static String format(Duration d) {
		long s = d.toSeconds();
		return s >= 3600 ? "%dh %dm".formatted(s / 3600, s % 3600 / 60)
				: s >= 60 ? "%dm %ds".formatted(s / 60, s % 60) : s + "s";
	}
}
