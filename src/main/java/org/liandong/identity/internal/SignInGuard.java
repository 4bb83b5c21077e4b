package org.liandong.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.locks.ReentrantLock;

import org.liandong.identity.AccountLocked;
import org.liandong.platform.RateLimit;
import org.liandong.platform.RateLimits;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.SignInFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounds password guessing: after a number of consecutive failures (5 by default) an account is
 * locked for a period (30 minutes by default); a successful sign-in resets the count. Attempts on
 * the same account are checked one after another (striped locks, per instance), and each failure
 * is counted before the next attempt loads the account, so parallel guesses cannot all be tried
 * before the lock lands. Counting bumps the version, so an administrator's edit of the same
 * account meanwhile fails as stale instead of resetting the count. The same correct credentials
 * presented again within a few minutes (an API client's every call) are recognised without bcrypt
 * and without the lock ({@link RecentCredentials}), and within half a minute without reading the
 * account again ({@link SignInCache}, which forgets it on a lock, a change of roles or password);
 * calls that arrive together with credentials not yet verified wait for the first to verify them
 * (ConcurrentSignInIT); anything else takes the counted way.
 */
@Component
class SignInGuard implements AuthenticationProvider {

	private final UserDetailsService accounts;
	private final DaoAuthenticationProvider passwords;
	private final RecentCredentials recent;
	private final SignInCache signedIn;
	private final ReentrantLock[] stripes = new ReentrantLock[64];
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockDuration;
	private final RateLimit failuresPerAddress;

	SignInGuard(UserDetailsService accounts, SignInCache signedIn, PasswordEncoder encoder, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, Clock clock,
			RateLimits rateLimits, @Value("${liandong.security.lockout.max-failures:5}") int maxFailures,
			@Value("${liandong.security.lockout.duration:30m}") Duration lockDuration,
			@Value("${liandong.security.rate-limit.sign-in-failures-per-address:20}") int failuresPerAddress,
			@Value("${liandong.security.rate-limit.sign-in-window:10m}") Duration failureWindow) {
		this.accounts = accounts;
		this.signedIn = signedIn;
		this.recent = new RecentCredentials(Duration.ofMinutes(5), clock);
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
		this.failuresPerAddress = rateLimits.limit("sign-in-failures", failuresPerAddress, failureWindow);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		SignedInUser held = signedIn.principal(username, password);
		if (held != null) {
			return UsernamePasswordAuthenticationToken.authenticated(held, password, held.getAuthorities());
		}
		long loadedAt = signedIn.generation();
		Authentication known = recentlyVerified(username, password);
		if (known != null) {
			hold(loadedAt, username, password, known);
			return known;
		}
		// many accounts tried from one address: the per-account lock alone would not notice
		String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		if (address != null && failuresPerAddress.exhausted(address)) {
			throw new SignInFailure.TooManyAttempts(failuresPerAddress.secondsToWait(address));
		}
		ReentrantLock lock = stripes[Math.floorMod(username.hashCode(), stripes.length)];
		lock.lock();
		try {
			// calls with the same credentials that waited here while the first verified them: without bcrypt again
			Authentication verified = recentlyVerified(username, password);
			if (verified != null) {
				hold(loadedAt, username, password, verified);
				return verified;
			}
			Authentication authenticated = passwords.authenticate(attempt);
			transactions.executeWithoutResult(status -> succeeded(username));
			if (authenticated.getPrincipal() instanceof UserDetails user && user.getPassword() != null) {
				recent.remember(username, password, user.getPassword());
			}
			hold(loadedAt, username, password, authenticated);
			return authenticated;
		}
		catch (BadCredentialsException wrong) {
			if (address != null) {
				failuresPerAddress.tryTake(address);
			}
			recent.forget(username);
			transactions.executeWithoutResult(status -> failed(username));
			throw wrong;
		}
		finally {
			lock.unlock();
		}
	}

	private void hold(long loadedAt, String username, String password, Authentication authenticated) {
		if (authenticated.getPrincipal() instanceof SignedInUser user) {
			signedIn.remember(loadedAt, username, password, user);
		}
	}

	/** The account signed in as, if these credentials were verified moments ago and it may still sign in. */
	private Authentication recentlyVerified(String username, String password) {
		UserDetails user;
		try {
			user = accounts.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException unknown) {
			return null;
		}
		if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()
				|| !user.isCredentialsNonExpired() || !recent.matches(username, password, user.getPassword())) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, password, user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * A wrong one-time password or recovery code at the second step counts like a wrong password
	 * (5 in a row lock the account); the answer is whether the account is now locked.
	 */
	boolean secondFactorFailed(String username) {
		ReentrantLock lock = stripes[Math.floorMod(username.hashCode(), stripes.length)];
		lock.lock();
		try {
			recent.forget(username);
			transactions.executeWithoutResult(status -> failed(username));
			return locked(username);
		}
		finally {
			lock.unlock();
		}
	}

	boolean locked(String username) {
		return jdbc.sql("select locked_until from user_account where username = ?").param(username)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.stream()
			.anyMatch(until -> until != null && until.toInstant().isAfter(clock.instant()));
	}

	/** A passed second step ends the run of failures, as a correct password does. */
	void secondFactorSucceeded(String username) {
		transactions.executeWithoutResult(status -> succeeded(username));
	}

	private void failed(String username) {
		int updated = jdbc.sql("""
				update user_account set failed_attempts = failed_attempts + 1, version = version + 1
				where username = ?""").param(username).update();
		if (updated == 0) {
			return;
		}
		int failures = jdbc.sql("select failed_attempts from user_account where username = ?").param(username)
			.query(Integer.class).single();
		if (failures >= maxFailures) {
			Instant until = clock.instant().plus(lockDuration);
			jdbc.sql("update user_account set failed_attempts = 0, locked_until = ? where username = ?")
				.params(OffsetDateTime.ofInstant(until, ZoneOffset.UTC), username)
				.update();
			events.publishEvent(new AccountLocked(username, failures, until));
		}
	}

	private void succeeded(String username) {
		jdbc.sql("update user_account set failed_attempts = 0, version = version + 1 where username = ? and failed_attempts > 0")
			.param(username)
			.update();
	}
}
