package org.liandong.identity.internal;

import org.liandong.platform.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity module's sealed columns (issue 19), for the re-encryption after a key rotation: the
 * mobile number of an account, and its authenticator secret, in force or pending (one context for
 * both, since the confirmation moves the value from one column to the other).
 */
@Configuration(proxyBeanMethods = false)
class AccountEncryptedColumns {

	@Bean
	EncryptedColumn mobileCipherColumn() {
		return new EncryptedColumn("user_account", "mobile_cipher", "id", "username", AccountService::mobileContext);
	}

	@Bean
	EncryptedColumn twoFactorSecretColumn() {
		return new EncryptedColumn("two_factor", "secret_cipher", "user_account_id", "user_account_id",
				account -> SecondFactorRecords.secretContext(Long.parseLong(account)));
	}

	@Bean
	EncryptedColumn twoFactorPendingSecretColumn() {
		return new EncryptedColumn("two_factor", "pending_secret_cipher", "user_account_id", "user_account_id",
				account -> SecondFactorRecords.secretContext(Long.parseLong(account)));
	}
}
