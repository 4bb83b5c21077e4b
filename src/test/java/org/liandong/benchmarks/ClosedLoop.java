package org.liandong.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clients in a closed loop: each starts its next piece of work as soon as its previous one ended,
 * through a warm-up and then the measured time without a pause between them, so that the
 * measurement sees the steady state rather than the clients starting together. Counts what ended
 * within the measured time; what is under way at its end is finished but not counted. Never runs
 * longer than its time and a grace period.
 */
final class ClosedLoop {

	/** How long work under way at the end may take to finish before the run is given up. */
	private static final Duration GRACE = Duration.ofMinutes(2);

	private ClosedLoop() {
	}

	/** One client's piece of work: its number among the clients and how many it has done before. */
	@FunctionalInterface
	interface Work {

		void run(int client, long n) throws Exception;
	}

	/**
	 * What a run did: pieces ended within the measured time ({@code counted}), in the warm-up, after
	 * the end, those that failed with the first few failures, and the latencies of the counted ones,
	 * sorted.
	 */
	record Result(int clients, Duration length, long counted, long warmup, long late, long failed,
			List<String> failures, double[] millis) {

		long ended() {
			return warmup + counted + late;
		}

		double perSecond() {
			return counted / (length.toNanos() / 1e9);
		}

		double percentile(double p) {
			return millis.length == 0 ? Double.NaN : millis[Math.min(millis.length - 1, (int) (millis.length * p))];
		}
	}

	static Result run(int clients, Duration warmup, Duration length, Work work) throws InterruptedException {
		long from = System.nanoTime() + warmup.toNanos();
		long end = from + length.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Tally>> tallies = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				tallies.add(pool.submit(() -> loop(client, from, end, work)));
			}
			long counted = 0;
			long warm = 0;
			long late = 0;
			long failed = 0;
			List<String> failures = new ArrayList<>();
			double[] millis = new double[0];
			for (Future<Tally> future : tallies) {
				long left = end + GRACE.toNanos() - System.nanoTime();
				Tally tally;
				try {
					tally = future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException e) {
					throw new IllegalStateException("a client did not finish within %s after the end of the run"
						.formatted(GRACE), e);
				}
				catch (ExecutionException e) {
					throw new IllegalStateException(e.getCause());
				}
				counted += tally.size;
				warm += tally.warmup;
				late += tally.late;
				failed += tally.failed;
				tally.failures.stream().limit(5 - failures.size()).forEach(failures::add);
				int at = millis.length;
				millis = Arrays.copyOf(millis, at + tally.size);
				System.arraycopy(tally.millis, 0, millis, at, tally.size);
			}
			Arrays.sort(millis);
			return new Result(clients, length, counted, warm, late, failed, failures, millis);
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private static Tally loop(int client, long from, long end, Work work) throws InterruptedException {
		Tally tally = new Tally();
		for (long n = 0; System.nanoTime() < end; n++) {
			long started = System.nanoTime();
			try {
				work.run(client, n);
			}
			catch (Exception | AssertionError e) {
				tally.failed++;
				if (tally.failures.size() < 5) {
					tally.failures.add(e.toString());
				}
				// a failure that repeats (the database gone) should not spin the machine for the rest of the run
				Thread.sleep(10);
				continue;
			}
			long finished = System.nanoTime();
			if (finished < from) {
				tally.warmup++;
			}
			else if (finished <= end) {
				tally.add((finished - started) / 1e6);
			}
			else {
				tally.late++;
			}
		}
		return tally;
	}

	private static final class Tally {

		long warmup;
		long late;
		long failed;
		final List<String> failures = new ArrayList<>();
		double[] millis = new double[1024];
		int size;

		void add(double value) {
			if (size == millis.length) {
				millis = Arrays.copyOf(millis, size * 2);
			}
			millis[size++] = value;
		}
	}
}
