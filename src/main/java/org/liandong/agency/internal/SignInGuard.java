package org.liandong.agency.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.liandong.agency.AccountLocked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds password guessing: after a number of consecutive failures (5 by default) an account is
 * locked for a period (30 minutes by default); a successful sign-in resets the count. Counting in
 * SQL keeps concurrent failures from being lost; bumping the version makes an administrator's
 * edit of the same account meanwhile fail as stale instead of resetting the count.
 */
@Component
class SignInGuard {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockDuration;

	SignInGuard(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.security.lockout.max-failures:5}") int maxFailures,
			@Value("${liandong.security.lockout.duration:30m}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
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

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		jdbc.sql("update user_account set failed_attempts = 0, version = version + 1 where username = ? and failed_attempts > 0")
			.param(event.getAuthentication().getName())
			.update();
	}
}
