package org.liandong.agency.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

import org.liandong.platform.SignedInUser;
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

	AccountDirectory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select u.id, u.username, u.display_name, u.password_hash, u.locked_until, u.enabled, u.must_change_password,
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
						rs.getBoolean("must_change_password"));
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private Set<String> roles(long accountId) {
		return jdbc.sql("select role from user_role where user_account_id = ?")
			.param(accountId)
			.query(String.class)
			.set();
	}
}
