package org.liandong.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

import org.liandong.platform.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the person signing in, with agency and roles, for Spring Security. */
@Component
class AccountDirectory implements UserDetailsService {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration passwordMaxAge;

	/** A password older than {@code liandong.security.password.max-age} (90 days; 0 never) must be changed. */
	AccountDirectory(JdbcClient jdbc, Clock clock,
			@Value("${liandong.security.password.max-age:90d}") Duration passwordMaxAge) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.passwordMaxAge = passwordMaxAge;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select u.id, u.username, u.display_name, u.password_hash, u.locked_until, u.enabled, u.must_change_password,
				       coalesce(u.password_changed_at, u.created_at) as password_set_at,
				       a.code as agency_code, a.name as agency_name, a.division_code
				from user_account u join agency a on a.id = u.agency_id
				where u.username = ?""")
			.param(username)
			.query((rs, n) -> {
				OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
				long id = rs.getLong("id");
				return new SignedInUser(id, rs.getString("username"), rs.getString("display_name"),
						rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("division_code"),
						roles(id), rs.getString("password_hash"),
						lockedUntil != null && lockedUntil.toInstant().isAfter(now), rs.getBoolean("enabled"),
						rs.getBoolean("must_change_password")
								|| expired(rs.getObject("password_set_at", OffsetDateTime.class), now));
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private boolean expired(OffsetDateTime setAt, Instant now) {
		return !passwordMaxAge.isZero() && setAt != null && setAt.toInstant().plus(passwordMaxAge).isBefore(now);
	}

	private Set<String> roles(long accountId) {
		return jdbc.sql("select role from user_role where user_account_id = ?")
			.param(accountId)
			.query(String.class)
			.set();
	}
}
