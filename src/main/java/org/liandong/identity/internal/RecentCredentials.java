package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a password was just verified for an account, so that an API
 * client sending the same HTTP Basic credentials on every call does not pay bcrypt (tens of
 * milliseconds) and the account's sign-in lock each time. Only an HMAC of the password under a key
 * that lives in this process's memory is kept, tied to the account's current password hash: a
 * changed password, a wrong one or an expired entry goes the full way, through the lockout count.
 */
final class RecentCredentials {

	private record Entry(byte[] mac, String passwordHash, Instant until) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	private final SecretKeySpec key;
	private final Duration lifetime;
	private final Clock clock;

	RecentCredentials(Duration lifetime, Clock clock) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.lifetime = lifetime;
		this.clock = clock;
	}

	boolean matches(String username, String password, String passwordHash) {
		Entry entry = entries.get(username);
		return entry != null && entry.until().isAfter(clock.instant()) && entry.passwordHash().equals(passwordHash)
				&& MessageDigest.isEqual(entry.mac(), mac(username, password));
	}

	void remember(String username, String password, String passwordHash) {
		entries.put(username, new Entry(mac(username, password), passwordHash, clock.instant().plus(lifetime)));
	}

	void forget(String username) {
		entries.remove(username);
	}

	private byte[] mac(String username, String password) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(key);
			hmac.update(username.getBytes(StandardCharsets.UTF_8));
			hmac.update((byte) 0);
			return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
