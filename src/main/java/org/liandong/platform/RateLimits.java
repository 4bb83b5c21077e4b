package org.liandong.platform;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The rate limits of all instances, kept in the database (issue 19): each bucket is a row of
 * {@code rate_limit_bucket}, changed by one update that locks it, so the instances share one count.
 * A bucket's row expires a window and a minute after its last count (by then it is full again), and
 * the expired rows are removed every hour on one instance. Buckets count by the system time (milliseconds since the epoch), as the
 * instances' clocks agree on it; not by the application's clock, which the demo moves per thread.
 */
@Component
public class RateLimits {

	private final JdbcClient jdbc;
	private final LongSupplier millis;

	@Autowired
	RateLimits(JdbcClient jdbc) {
		this(jdbc, System::currentTimeMillis);
	}

	RateLimits(JdbcClient jdbc, LongSupplier millis) {
		this.jdbc = jdbc;
		this.millis = millis;
	}

	/** A limit of {@code capacity} events per key in {@code window}, named (for its rows) by {@code name}. */
	public RateLimit limit(String name, long capacity, Duration window) {
		return new RateLimit(name, capacity, window, jdbc, millis);
	}

	@Bean
	RecurringTask<Void> expiredRateLimitsSchedule() {
		return ClusterSchedule.every("rate-limit-cleanup", Duration.ofHours(1), this::removeExpired);
	}

	/** Removes the rows of buckets full again for a while; how many. */
	int removeExpired() {
		return jdbc.sql("delete from rate_limit_bucket where expires_at < ?").param(millis.getAsLong()).update();
	}
}
