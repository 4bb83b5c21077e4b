package org.liandong.identity.internal;

import org.liandong.identity.SecondFactorPassed;
import org.liandong.identity.SecondFactorRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The second step of a sign-in (issue 12, L3-CES1-04): what it needs, and the check of a one-time
 * password or a recovery code given on a page or with an API call. A refusal is audited and counts
 * towards the account's lockout. Runs in the transaction of the {@link TwoFactorService} method that
 * calls it.
 */
@Component
record SignInVerification(ApplicationEventPublisher events, SignInGuard guard, SecondFactorRecords records,
		OneTimePasswords passwords, RecoveryCodes recoveryCodes) {

	SecondStepNeed need(long accountId) {
		if (records.enrolled(accountId)) {
			return SecondStepNeed.CODE;
		}
		return records.mandatory(accountId) ? SecondStepNeed.ENROLMENT : SecondStepNeed.NONE;
	}

	/**
	 * Checks a one-time password, or a recovery code, given at sign-in through {@code channel}
	 * ("网页登录", "API"). A refusal is audited and counts towards the account's lockout.
	 */
	SecondStepOutcome verify(long accountId, String username, String given, String channel) {
		if (guard.locked(username)) {
			return refused(username, channel, SecondStepOutcome.LOCKED, false);
		}
		String input = given == null ? "" : given.replaceAll("[\\s-]", "");
		if (input.isEmpty()) {
			return refused(username, channel, SecondStepOutcome.MISSING, false);
		}
		SecondStepOutcome outcome;
		boolean recovery = !OneTimePasswords.SIX_DIGITS.matcher(input).matches();
		if (!recovery) {
			outcome = passwords.use(accountId, records.activeSecret(accountId), input);
		}
		else {
			outcome = recoveryCodes.use(accountId, input);
		}
		if (outcome != SecondStepOutcome.PASSED) {
			return refused(username, channel, outcome, true);
		}
		guard.secondFactorSucceeded(username);
		events.publishEvent(new SecondFactorPassed(username, channel, recovery,
				recovery ? records.recoveryCodesLeft(accountId) : 0));
		return SecondStepOutcome.PASSED;
	}

	/** Records a refusal where a second factor was required and not given (or not bound). */
	void refuse(String username, String channel, String reason) {
		events.publishEvent(new SecondFactorRefused(username, channel, reason));
	}

	private SecondStepOutcome refused(String username, String channel, SecondStepOutcome outcome, boolean counted) {
		events.publishEvent(new SecondFactorRefused(username, channel, reasonOf(outcome)));
		if (counted && guard.secondFactorFailed(username)) {
			return SecondStepOutcome.LOCKED;
		}
		return outcome;
	}

	private static String reasonOf(SecondStepOutcome outcome) {
		return switch (outcome) {
			case WRONG -> "动态口令或恢复码错误";
			case REPLAYED -> "动态口令重复使用";
			case RECOVERY_USED -> "恢复码已使用过";
			case MISSING -> "未提供动态口令";
			case LOCKED -> "账户已锁定";
			case PASSED -> "";
		};
	}
}
