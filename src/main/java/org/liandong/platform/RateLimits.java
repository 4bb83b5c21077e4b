package org.liandong.platform;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;

/**
 * The rate limits of all instances, kept in the database (issue 19): each bucket is a row of
 * {@code rate_limit_bucket}, locked while a request takes from it, so the instances share one
 * count. On PostgreSQL Bucket4j's select-for-update backend keeps them; on H2 {@link H2Buckets}, the
 * same statements in H2's words. A bucket's row expires a minute after it would be full again, and
 * the expired rows are removed every hour on one instance.
 */
@Component
public class RateLimits {

	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	/** A request waits no longer than this for a bucket's row (another instance holding it). */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final ProxyManager<String> buckets;
	private final JdbcClient jdbc;

	RateLimits(DataSource dataSource, JdbcClient jdbc) throws SQLException {
		this.jdbc = jdbc;
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
		this.buckets = DatabaseProduct.postgres(dataSource)
				? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_limit_bucket")
					.expirationAfterWrite(expiry)
					.requestTimeout(REQUEST_TIMEOUT)
					.build()
				: new H2Buckets(dataSource, ClientSideConfig.getDefault()
					.withExpirationAfterWriteStrategy(expiry)
					.withRequestTimeout(REQUEST_TIMEOUT));
	}

	/** A limit of {@code capacity} events per key in {@code window}, named (for its rows) by {@code name}. */
	public RateLimit limit(String name, long capacity, Duration window) {
		return new RateLimit(name, capacity, window, buckets);
	}

	@Bean
	RecurringTask<Void> expiredRateLimitsSchedule() {
		return ClusterSchedule.every("rate-limit-cleanup", Duration.ofHours(1), this::removeExpired);
	}

	/** Removes the rows of buckets full again for a while; how many. Bucket4j writes expiries by the system clock. */
	int removeExpired() {
		return jdbc.sql("delete from rate_limit_bucket where expires_at < ?").param(System.currentTimeMillis()).update();
	}
}
