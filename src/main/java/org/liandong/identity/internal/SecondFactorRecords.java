package org.liandong.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code two_factor} tables as the second factor's use cases read them (issue 12,
 * L3-CES1-04): the account, whether it has a factor bound and whether its roles require one, its
 * secret, its recovery codes left; removing it. Shared by the use cases, each running in the transaction of the
 * {@link TwoFactorService} method that calls it.
 */
@Component
record SecondFactorRecords(JdbcClient jdbc, FieldCipher cipher, Clock clock) {

	record Account(long id, String username, String displayName) {
	}

	Account account(String username) {
		return jdbc.sql("select id, username, display_name from user_account where username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("user-not-found", "用户 %s 不存在".formatted(username)));
	}

	boolean enrolled(long accountId) {
		return jdbc.sql("select count(*) from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean mandatory(long accountId) {
		return jdbc.sql("""
				select count(*) from user_role r join two_factor_policy p on p.role = r.role
				where r.user_account_id = ? and p.mandatory""")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Where an account's authenticator secret is sealed (issue 19), pending or in force alike: the
	 * confirmation moves the sealed value from one column to the other in SQL.
	 */
	static String secretContext(long accountId) {
		return "two_factor.secret:" + accountId;
	}

	String activeSecret(long accountId) {
		return jdbc.sql("select secret_cipher from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(accountId)
			.query(String.class)
			.optional()
			.map(sealed -> cipher.decrypt(sealed, secretContext(accountId)))
			.orElse(null);
	}

	int recoveryCodesLeft(long accountId) {
		return jdbc.sql("select count(*) from two_factor_recovery_code where user_account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	void remove(long accountId) {
		jdbc.sql("delete from two_factor_recovery_code where user_account_id = ?").param(accountId).update();
		jdbc.sql("delete from two_factor where user_account_id = ?").param(accountId).update();
	}

	OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
