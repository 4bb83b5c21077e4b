package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rate limit's arithmetic against its definition (issue 9): at most N events per key in a window,
 * refilled gradually at N per window — so after N events, one more each window / N, and never more
 * than N at once however long the key was idle. The expected numbers below follow from that
 * definition, on a clock the test moves. Also: the count belongs to the caller's transaction (issue 18),
 * and calls at the same moment on one bucket take exactly N between them.
 */
@LiandongIntegrationTest
class RateLimitIT {

	private static final AtomicLong KEYS = new AtomicLong();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final AtomicLong now = new AtomicLong(1_800_000_000_000L);

	private RateLimit threePerThreeSeconds() {
		return new RateLimits(jdbc, now::get).limit("rate-limit-test", 3, Duration.ofSeconds(3));
	}

	private static String key() {
		return "key-" + KEYS.incrementAndGet() + "-" + System.nanoTime();
	}

	@Test
	void n_events_then_one_more_each_window_over_n() {
		RateLimit limit = threePerThreeSeconds();
		String key = key();
		assertThat(limit.exhausted(key)).isFalse();
		assertThat(List.of(limit.tryTake(key), limit.tryTake(key), limit.tryTake(key))).containsOnly(true);
		assertThat(limit.tryTake(key)).as("a fourth event in the same moment").isFalse();
		assertThat(limit.exhausted(key)).isTrue();
		// one token per second: a whole second to wait
		assertThat(limit.secondsToWait(key)).isEqualTo(1);

		now.addAndGet(999);
		assertThat(limit.tryTake(key)).as("999 ms later: not yet a whole token").isFalse();
		now.addAndGet(1);
		assertThat(limit.tryTake(key)).as("a second later: one").isTrue();
		assertThat(limit.tryTake(key)).as("and only one").isFalse();

		// another key is counted apart
		assertThat(limit.tryTake(key())).isTrue();
	}

	@Test
	void an_idle_key_gets_back_n_and_no_more() {
		RateLimit limit = threePerThreeSeconds();
		String key = key();
		for (int i = 0; i < 3; i++) {
			assertThat(limit.tryTake(key)).isTrue();
		}
		now.addAndGet(Duration.ofHours(1).toMillis());
		assertThat(limit.exhausted(key)).isFalse();
		assertThat(List.of(limit.tryTake(key), limit.tryTake(key), limit.tryTake(key))).containsOnly(true);
		assertThat(limit.tryTake(key)).as("an hour idle still allows three, not more").isFalse();
		assertThat(limit.secondsToWait(key)).isEqualTo(1);
	}

	@Test
	void a_bucket_is_not_removed_as_expired_before_it_is_full_again() {
		RateLimit limit = threePerThreeSeconds();
		String key = key();
		for (int i = 0; i < 3; i++) {
			assertThat(limit.tryTake(key)).isTrue();
		}
		// emptied now, full again three seconds later: the hourly removal must leave it until then
		long expiresAt = jdbc.sql("select expires_at from rate_limit_bucket where id = ?")
			.param("rate-limit-test/3/PT3S/" + key)
			.query(Long.class)
			.single();
		assertThat(expiresAt).isGreaterThanOrEqualTo(now.get() + 3_000);
	}

	@Test
	void a_count_made_in_a_transaction_that_rolls_back_is_not_kept() {
		RateLimit limit = threePerThreeSeconds();
		String key = key();
		transactions.executeWithoutResult(status -> {
			assertThat(limit.tryTake(key)).isTrue();
			assertThat(limit.tryTake(key)).isTrue();
			assertThat(limit.tryTake(key)).isTrue();
			assertThat(limit.tryTake(key)).isFalse();
			status.setRollbackOnly();
		});
		assertThat(limit.exhausted(key)).isFalse();
		assertThat(List.of(limit.tryTake(key), limit.tryTake(key), limit.tryTake(key))).containsOnly(true);
		assertThat(limit.tryTake(key)).isFalse();
	}

	@Test
	void calls_at_the_same_moment_take_exactly_n_between_them() throws Exception {
		RateLimit limit = new RateLimits(jdbc, now::get).limit("rate-limit-race", 20, Duration.ofMinutes(1));
		String key = key();
		int threads = 8;
		int each = 10;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> taken = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				taken.add(pool.submit(() -> {
					start.await();
					int mine = 0;
					for (int i = 0; i < each; i++) {
						// half of them inside a transaction of their own, holding the bucket until its commit
						boolean took = i % 2 == 0 ? limit.tryTake(key)
								: Boolean.TRUE.equals(transactions.execute(status -> limit.tryTake(key)));
						mine += took ? 1 : 0;
					}
					return mine;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> future : taken) {
				total += future.get();
			}
			assertThat(total).as("%d calls on a bucket of 20 at one moment", threads * each).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
