package org.liandong.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At most so many events per key (an address, a person) in a sliding window, refilled gradually
 * (issue 9: sign-in failures per address, credit checks per person): a token bucket of
 * {@code capacity} tokens refilled at capacity per window. The bucket of each key is a row of
 * {@code rate_limit_bucket} shared by every instance on the database (issue 19), so two instances
 * together allow the number once, not twice. An event is counted by one update of that row, in the
 * caller's transaction where there is one (issue 18: a credit check and its count commit together,
 * and a check that fails counts nothing); the row stays locked until that transaction ends, which is
 * why callers count last. Made by {@link RateLimits}.
 */
public final class RateLimit {

	/** Longer bucket names (only a forged address could make one) are stored by their digest. */
	private static final int MAX_ID_LENGTH = 200;

	/** A bucket's row is kept this long after it is full again at the latest. */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	/**
	 * The tokens a bucket holds now: those it had, plus the refill since, up to the capacity. The rate is
	 * cast, or H2 would take it for a whole number like the milliseconds it multiplies.
	 */
	private static final String TOKENS_NOW = "least(cast(:capacity as double precision), tokens"
			+ " + greatest(0, cast(:now as bigint) - counted_at) * cast(:perMilli as double precision))";

	private final String name;
	private final long capacity;
	private final Duration window;
	private final double perMilli;
	private final JdbcClient jdbc;
	private final LongSupplier millis;

	RateLimit(String name, long capacity, Duration window, JdbcClient jdbc, LongSupplier millis) {
		if (capacity < 1 || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("a rate limit needs a positive number and window");
		}
		this.name = name;
		this.capacity = capacity;
		this.window = window;
		this.perMilli = (double) capacity / window.toMillis();
		this.jdbc = jdbc;
		this.millis = millis;
	}

	/** Counts one event of the key; false when the key has used up its number in the window. */
	public boolean tryTake(String key) {
		String id = id(key);
		long now = millis.getAsLong();
		if (take(id, now)) {
			return true;
		}
		// no bucket yet (or an empty one): a new bucket already holds this event; if another call has just
		// made it, that one waits for the other's transaction and then takes from the bucket made
		int created = jdbc.sql("""
				insert into rate_limit_bucket (id, tokens, counted_at, expires_at) values (:id, :tokens, :now, :expires)
				on conflict do nothing""")
			.param("id", id).param("tokens", capacity - 1.0).param("now", now).param("expires", expiry(now))
			.update();
		return created == 1 || take(id, now);
	}

	/** Whether the key has used up its number in the window, without counting anything. */
	public boolean exhausted(String key) {
		return tokens(key, millis.getAsLong()) < 1;
	}

	/** Whole seconds until the key may act again (at least 1). */
	public long secondsToWait(String key) {
		double missing = 1 - tokens(key, millis.getAsLong());
		return Math.max(1, (long) Math.ceil(missing / perMilli / 1000));
	}

	public long capacity() {
		return capacity;
	}

	private boolean take(String id, long now) {
		return jdbc.sql("update rate_limit_bucket set tokens = " + TOKENS_NOW + " - 1, counted_at = greatest(counted_at, :now),"
				+ " expires_at = :expires where id = :id and " + TOKENS_NOW + " >= 1")
			.param("capacity", capacity).param("now", now).param("perMilli", perMilli).param("expires", expiry(now))
			.param("id", id)
			.update() == 1;
	}

	private double tokens(String key, long now) {
		return jdbc.sql("select " + TOKENS_NOW + " from rate_limit_bucket where id = :id")
			.param("capacity", capacity).param("now", now).param("perMilli", perMilli).param("id", id(key))
			.query(Double.class)
			.optional()
			.orElse((double) capacity);
	}

	/** An empty bucket is full again a window later. */
	private long expiry(long now) {
		return now + window.toMillis() + KEEP_AFTER_REFILL.toMillis();
	}

	/**
	 * The bucket's row: the limit's name, number and window, then the key. Instances configured alike
	 * share a row; a limit configured anew starts with fresh buckets instead of inheriting ones of
	 * another size.
	 */
	private String id(String key) {
		String id = name + "/" + capacity + "/" + window + "/" + key;
		return id.length() <= MAX_ID_LENGTH ? id : name + "/" + capacity + "/" + window + "/sha256:" + sha256(key);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
