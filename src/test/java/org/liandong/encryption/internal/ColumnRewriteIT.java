package org.liandong.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liandong.platform.EncryptedColumn;
import org.liandong.platform.FieldCipher;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LegacyFieldSeal;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19: the re-encryption never overwrites a value that a person changed after it was read.
 * The person's change is made, and committed, between the batch's read of the row and its write,
 * by a cipher that saves a new mobile number in a transaction of its own while the batch works out
 * the replacement of the old one.
 */
@LiandongIntegrationTest
class ColumnRewriteIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	FieldCipher cipher;

	@Value("${liandong.security.master-key}")
	String masterKey;

	@Test
	void a_value_a_person_changed_meanwhile_is_not_overwritten_with_the_stale_one() {
		String username = Fixtures.person(Api.at(port), "410402");
		String place = "user_account.mobile_cipher:" + username;
		// the form before issue 19, under the current key: to be written again
		jdbc.sql("update user_account set mobile_cipher = ? where username = ?")
			.params(LegacyFieldSeal.seal(masterKey, "13903750303"), username)
			.update();
		String saved = cipher.encrypt("13903750404", place);
		TransactionTemplate own = new TransactionTemplate(transactionManager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		FieldCipher personSavesMeanwhile = new FieldCipher(masterKey) {
			@Override
			public String rewritten(String stored, String context) {
				String replacement = super.rewritten(stored, context);
				if (context.equals(place)) {
					own.executeWithoutResult(status -> jdbc.sql("update user_account set mobile_cipher = ? where username = ?")
						.params(saved, username)
						.update());
				}
				return replacement;
			}
		};
		long run = run();

		new ColumnRewrite(jdbc, personSavesMeanwhile, transactions, 50).walk(run,
				new EncryptedColumn("user_account", "mobile_cipher", "id", "username", u -> "user_account.mobile_cipher:" + u));

		String stored = jdbc.sql("select mobile_cipher from user_account where username = ?").param(username)
			.query(String.class).single();
		assertThat(stored).as("the person's value, not the stale one written again").isEqualTo(saved);
		assertThat(cipher.decrypt(stored, place)).isEqualTo("13903750404");
		long mobiles = jdbc.sql("select count(*) from user_account where mobile_cipher is not null").query(Long.class).single();
		assertThat(jdbc.sql("select values_done, values_rewritten, values_failed from field_re_encryption where id = ?")
			.param(run)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single()).as("done, rewritten, failed").containsExactly(mobiles, 0, 0);
	}

	/** A run's row for the progress, finished already so that it holds up no other run. */
	private long run() {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into field_re_encryption (state, requested_by, requested_at) values ('DONE', 'test', ?)")
			.param(Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}
}
