package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.liandong.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * The one-time passwords of a bound authenticator (issue 12, L3-CES1-04): TOTP as the apps compute
 * it (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), a code accepted one step either side of now
 * for clocks slightly apart. Each accepted code moves the account's last used step forward, and a
 * code of that step or an earlier one is refused: a code seen over someone's shoulder cannot be
 * used again within its window. Used at sign-in, at enrolment and where a change asks for a current
 * code, in the transaction of the {@link TwoFactorService} method that calls it.
 */
@Component
class OneTimePasswords {

	static final int PERIOD_SECONDS = 30;

	static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecondFactorRecords records;
	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	OneTimePasswords(JdbcClient jdbc, Clock clock, SecondFactorRecords records) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.records = records;
	}

	/** The step of a code valid now (one step of clock difference allowed either side), if it matches. */
	Optional<Long> matchingStep(String secret, String code) {
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	/** Accepts a code of a step later than the last one used, and makes it the last one used. */
	SecondStepOutcome use(long accountId, String secret, String code) {
		if (secret == null) {
			return SecondStepOutcome.WRONG;
		}
		Optional<Long> step = matchingStep(secret, code);
		if (step.isEmpty()) {
			return SecondStepOutcome.WRONG;
		}
		int moved = jdbc.sql("""
				update two_factor set last_used_step = :step
				where user_account_id = :id and (last_used_step is null or last_used_step < :step)""")
			.param("step", step.get())
			.param("id", accountId)
			.update();
		return moved == 1 ? SecondStepOutcome.PASSED : SecondStepOutcome.REPLAYED;
	}

	/** A change of one's own second factor asks for a current code: refused, with nothing changed, without one. */
	void requireCurrent(Account account, String code) {
		if (!records.enrolled(account.id())) {
			throw DomainException.conflict("two-factor-not-enrolled", "尚未绑定动态口令");
		}
		String given = code == null ? "" : code.replaceAll("\\s", "");
		SecondStepOutcome outcome = SIX_DIGITS.matcher(given).matches()
				? use(account.id(), records.activeSecret(account.id()), given)
				: SecondStepOutcome.WRONG;
		if (outcome != SecondStepOutcome.PASSED) {
			throw DomainException.invalid(
					outcome == SecondStepOutcome.REPLAYED ? "two-factor-replayed" : "two-factor-invalid",
					outcome.message() + "，未作任何修改");
		}
	}

	String code(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}
}
