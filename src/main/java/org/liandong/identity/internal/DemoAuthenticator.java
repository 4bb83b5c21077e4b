package org.liandong.identity.internal;

import java.util.List;

import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.liandong.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published authenticator secret of the demo installation (issue 12): the demo data binds it
 * to the three demo administrators without a first code; production refuses to start while any
 * account still has it ({@link ProductionSafety}). Runs in the transaction, if any, of the
 * {@link TwoFactorService} method that calls it.
 */
@Component
record DemoAuthenticator(JdbcClient jdbc, FieldCipher cipher, SecondFactorRecords records) {

	/**
	 * The secret of the three demo administrators, published in the README so that anyone trying the
	 * demo can add it to an authenticator app. Only the demo data uses it; production refuses to start
	 * while any account still has it ({@link ProductionSafety}).
	 */
	static final String DEMO_SECRET = "LIANDONGDEMOADMINTOTPSECRETABCDE";

	/** Binds a known secret without a first code (demo data only), with no recovery codes. */
	void enrolWithSecret(String username, String secret) {
		Account account = records.account(username);
		records.remove(account.id());
		jdbc.sql("insert into two_factor (user_account_id, secret_cipher, enrolled_at) values (?, ?, ?)")
			.params(account.id(), cipher.encrypt(secret, SecondFactorRecords.secretContext(account.id())), records.now())
			.update();
	}

	/** Usernames whose bound secret is the published demo secret (refused in production). */
	List<String> accountsWithDemoSecret() {
		return jdbc.sql("""
				select u.username, t.secret_cipher, t.user_account_id from two_factor t join user_account u on u.id = t.user_account_id
				where t.secret_cipher is not null""")
			.query((rs, n) -> {
				try {
					String secret = cipher.decrypt(rs.getString(2), SecondFactorRecords.secretContext(rs.getLong(3)));
					return DEMO_SECRET.equals(secret) ? rs.getString(1) : null;
				}
				catch (RuntimeException undecipherable) {
					// sealed under another master key: not the demo secret as far as this installation can tell
					return null;
				}
			})
			.list()
			.stream()
			.filter(name -> name != null)
			.toList();
	}
}
