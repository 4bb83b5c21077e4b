package org.liandong.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * At most so many events per key (an address, a person) in a sliding window, refilled gradually
 * (issue 9: sign-in failures per address, credit checks per person). Held in this instance's
 * memory: on several instances each allows the number, which still bounds an attacker to a small
 * multiple of it.
 */
public final class RateLimit {

	/** Beyond this many keys the least useful state (everyone's full buckets) is dropped. */
	private static final int MAX_KEYS = 50_000;

	private final long capacity;
	private final Duration window;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimit(long capacity, Duration window) {
		if (capacity < 1 || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("a rate limit needs a positive number and window");
		}
		this.capacity = capacity;
		this.window = window;
	}

	/** Counts one event of the key; false when the key has used up its number in the window. */
	public boolean tryTake(String key) {
		return bucket(key).tryConsume(1);
	}

	/** Whether the key has used up its number in the window, without counting anything. */
	public boolean exhausted(String key) {
		Bucket bucket = buckets.get(key);
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	/** Whole seconds until the key may act again (at least 1). */
	public long secondsToWait(String key) {
		Bucket bucket = buckets.get(key);
		if (bucket == null) {
			return 1;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
	}

	public long capacity() {
		return capacity;
	}

	private Bucket bucket(String key) {
		if (buckets.size() > MAX_KEYS) {
			buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
		}
		return buckets.computeIfAbsent(key,
				k -> Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window)).build());
	}
}
