package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.liandong.identity.RecoveryCodesRegenerated;
import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.liandong.platform.Sm3;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;

/**
 * The recovery codes of a second factor (issue 12, L3-CES1-04): issued at enrolment and when the
 * person asks for new ones with a current code, shown once, stored only as SM3 digests, each usable
 * once at sign-in in place of a one-time password. Runs in the transaction of the
 * {@link TwoFactorService} method that calls it.
 */
@Component
record RecoveryCodes(JdbcClient jdbc, ApplicationEventPublisher events, SecondFactorRecords records,
		OneTimePasswords passwords) {

	static final int RECOVERY_CODES = 10;

	/** Replaces the recovery codes, given a current code; the new ones, shown once. */
	List<String> regenerate(String username, String code) {
		Account account = records.account(username);
		passwords.requireCurrent(account, code);
		List<String> recoveryCodes = issue(account.id());
		events.publishEvent(new RecoveryCodesRegenerated(username));
		return recoveryCodes;
	}

	/** A new set of codes in place of any earlier one. */
	List<String> issue(long accountId) {
		jdbc.sql("delete from two_factor_recovery_code where user_account_id = ?").param(accountId).update();
		List<String> generated = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		for (String code : generated) {
			jdbc.sql("insert into two_factor_recovery_code (user_account_id, code_hash) values (?, ?)")
				.params(accountId, hash(accountId, code))
				.update();
		}
		return generated;
	}

	/** Uses a code given at sign-in, once. */
	SecondStepOutcome use(long accountId, String input) {
		String hash = hash(accountId, input);
		int used = jdbc.sql("""
				update two_factor_recovery_code set used_at = :now
				where user_account_id = :id and code_hash = :hash and used_at is null""")
			.param("now", records.now())
			.param("id", accountId)
			.param("hash", hash)
			.update();
		if (used == 1) {
			return SecondStepOutcome.PASSED;
		}
		boolean known = jdbc.sql("select count(*) from two_factor_recovery_code where user_account_id = ? and code_hash = ?")
			.params(accountId, hash)
			.query(Integer.class)
			.single() > 0;
		return known ? SecondStepOutcome.RECOVERY_USED : SecondStepOutcome.WRONG;
	}

	private static String hash(long accountId, String code) {
		String normalised = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return Sm3.hex((accountId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
	}
}
