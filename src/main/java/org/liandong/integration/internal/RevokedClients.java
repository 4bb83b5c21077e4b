package org.liandong.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The revoked clients, held in memory so a bearer token is checked without a database read: a
 * revocation on this instance counts at once; one made on another instance is read within
 * {@code liandong.integration.revocation-refresh} (30 seconds by default), one read per period,
 * not per request.
 */
@Component
class RevokedClients {

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();
	private final Supplier<java.util.List<String>> source;
	private final Duration refresh;
	private final Clock clock;
	private volatile Instant readAt = Instant.MIN;

	RevokedClients(@Lazy ClientRegistry registry, @Value("${liandong.integration.revocation-refresh:30s}") Duration refresh,
			Clock clock) {
		this.source = registry::revokedIds;
		this.refresh = refresh;
		this.clock = clock;
	}

	boolean isRevoked(String clientId) {
		Instant now = clock.instant();
		if (readAt.plus(refresh).isBefore(now)) {
			synchronized (this) {
				if (readAt.plus(refresh).isBefore(now)) {
					revoked.addAll(source.get());
					readAt = now;
				}
			}
		}
		return revoked.contains(clientId);
	}

	void add(String clientId) {
		revoked.add(clientId);
	}
}
