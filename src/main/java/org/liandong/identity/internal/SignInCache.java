package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.liandong.identity.AccountLocked;
import org.liandong.identity.AccountUnlocked;
import org.liandong.identity.PasswordChanged;
import org.liandong.identity.RolesChanged;
import org.liandong.identity.SecondFactorDisabled;
import org.liandong.identity.SecondFactorEnrolled;
import org.liandong.identity.SecondFactorPolicyChanged;
import org.liandong.identity.SecondFactorReset;
import org.liandong.platform.ReferenceData;
import org.liandong.platform.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The accounts signed in over the API moments ago (issue 18): an API client presents its
 * credentials on every call, and each call loaded the account, its roles and what its second step
 * needs. Held here for {@code liandong.security.sign-in-cache} (30 seconds), per credential: the
 * username and an HMAC of the password under a key that lives in this process's memory, so a wrong
 * or changed password never matches. A lock, an unlock, a change of roles or password, a second
 * factor bound, reset or disabled, or a change of the second factor policy forgets every account
 * held: on this instance as the change commits, on the others within a second
 * ({@link ReferenceData}, kind {@code account}). Only accounts that passed are held; everything else
 * takes the counted way through {@link SignInGuard}.
 */
@Component
class SignInCache {

	static final String REFERENCE = "account";

	private record Held(SignedInUser user, Instant until) {
	}

	private record Need(SecondStepNeed need, Instant until) {
	}

	private final Map<String, Held> principals = new ConcurrentHashMap<>();
	private final Map<Long, Need> needs = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();
	private final ReferenceData referenceData;
	private final SecretKeySpec key;
	private final Clock clock;
	private final Duration lifetime;

	SignInCache(ReferenceData referenceData, Clock clock,
			@Value("${liandong.security.sign-in-cache:30s}") Duration lifetime) {
		this.referenceData = referenceData;
		this.clock = clock;
		this.lifetime = lifetime;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		referenceData.whenChanged(REFERENCE, this::forgetAll);
	}

	/** The account these credentials signed in as moments ago, or null. */
	SignedInUser principal(String username, String password) {
		if (lifetime.isZero()) {
			return null;
		}
		Held held = principals.get(entry(username, password));
		return held != null && held.until().isAfter(clock.instant()) ? held.user() : null;
	}

	/** A mark to give back to {@link #remember}: what was loaded before a change is not kept. */
	long generation() {
		return generation.get();
	}

	void remember(long loadedAt, String username, String password, SignedInUser user) {
		if (lifetime.isZero()) {
			return;
		}
		Instant now = clock.instant();
		if (principals.size() > 10_000) {
			principals.values().removeIf(held -> !held.until().isAfter(now));
		}
		principals.put(entry(username, password), new Held(user, now.plus(lifetime)));
		if (generation.get() != loadedAt) {
			principals.remove(entry(username, password));
		}
	}

	/** What the account's second step needs, as held or loaded by {@code load}. */
	SecondStepNeed need(long accountId, LongFunction<SecondStepNeed> load) {
		Instant now = clock.instant();
		Need held = needs.get(accountId);
		if (held != null && held.until().isAfter(now)) {
			return held.need();
		}
		long loadedAt = generation.get();
		SecondStepNeed need = load.apply(accountId);
		if (!lifetime.isZero()) {
			needs.put(accountId, new Need(need, now.plus(lifetime)));
			if (generation.get() != loadedAt) {
				needs.remove(accountId);
			}
		}
		return need;
	}

	private void forgetAll() {
		generation.incrementAndGet();
		principals.clear();
		needs.clear();
	}

	/** Runs in the changing transaction: its commit tells every instance. */
	@EventListener({ AccountLocked.class, AccountUnlocked.class, PasswordChanged.class, RolesChanged.class,
			SecondFactorEnrolled.class, SecondFactorReset.class, SecondFactorDisabled.class,
			SecondFactorPolicyChanged.class })
	void accountChanged() {
		referenceData.changed(REFERENCE);
	}

	private String entry(String username, String password) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(key);
			hmac.update(username.getBytes(StandardCharsets.UTF_8));
			hmac.update((byte) 0);
			return username + "\u0000" + Base64.getEncoder().encodeToString(hmac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
