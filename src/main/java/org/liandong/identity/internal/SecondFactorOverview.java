package org.liandong.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who uses a second factor (issue 12, L3-CES1-04): a person's own status, and for the security
 * administrator every account that uses one or whose roles require one. Runs in the transaction of
 * the {@link TwoFactorService} method that calls it.
 */
@Component
record SecondFactorOverview(JdbcClient jdbc, SecondFactorRecords records) {

	SecondFactorStatus status(String username) {
		Account account = records.account(username);
		return statusOf(account);
	}

	List<SecondFactorStatus> overview() {
		List<Account> accounts = jdbc.sql("""
				select u.id, u.username, u.display_name from user_account u
				where exists (select 1 from two_factor t where t.user_account_id = u.id and t.enrolled_at is not null)
				   or exists (select 1 from user_role r join two_factor_policy p on p.role = r.role
				              where r.user_account_id = u.id and p.mandatory)
				order by u.username""")
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return accounts.stream().map(this::statusOf).toList();
	}

	private SecondFactorStatus statusOf(Account account) {
		Instant enrolledAt = jdbc.sql("select enrolled_at from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(account.id())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional()
			.orElse(null);
		return new SecondFactorStatus(account.username(), account.displayName(), enrolledAt != null, enrolledAt,
				records.mandatory(account.id()), enrolledAt == null ? 0 : records.recoveryCodesLeft(account.id()));
	}
}
