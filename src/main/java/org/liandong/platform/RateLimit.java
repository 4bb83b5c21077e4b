package org.liandong.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * At most so many events per key (an address, a person) in a sliding window, refilled gradually
 * (issue 9: sign-in failures per address, credit checks per person). The count of each key is a
 * row of {@code rate_limit_bucket} shared by every instance on the database (issue 19), so two
 * instances together allow the number once, not twice. Made by {@link RateLimits}.
 */
public final class RateLimit {

	/** Longer bucket names (only a forged address could make one) are stored by their digest. */
	private static final int MAX_ID_LENGTH = 200;

	private final String name;
	private final long capacity;
	private final Duration window;
	private final ProxyManager<String> buckets;
	private final BucketConfiguration configuration;

	RateLimit(String name, long capacity, Duration window, ProxyManager<String> buckets) {
		if (capacity < 1 || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("a rate limit needs a positive number and window");
		}
		this.name = name;
		this.capacity = capacity;
		this.window = window;
		this.buckets = buckets;
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
			.build();
	}

	/** Counts one event of the key; false when the key has used up its number in the window. */
	public boolean tryTake(String key) {
		return bucket(key).tryConsume(1);
	}

	/** Whether the key has used up its number in the window, without counting anything. */
	public boolean exhausted(String key) {
		return bucket(key).getAvailableTokens() < 1;
	}

	/** Whole seconds until the key may act again (at least 1). */
	public long secondsToWait(String key) {
		long nanos = bucket(key).estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
	}

	public long capacity() {
		return capacity;
	}

	private BucketProxy bucket(String key) {
		return buckets.builder().build(id(key), () -> configuration);
	}

	/**
	 * The bucket's row: the limit's name, number and window, then the key. Instances configured alike
	 * share a row; a limit configured anew starts with fresh buckets instead of inheriting ones of
	 * another size (Bucket4j keeps the configuration a bucket was created with).
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
