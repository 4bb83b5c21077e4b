package org.liandong.identity.internal;

import java.util.List;

import org.liandong.identity.Enrolment;
import org.liandong.identity.Role;
import org.liandong.identity.SecondFactorRule;
import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.SecondFactors;
import org.liandong.platform.FieldCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Second factor of sign-in on the {@code two_factor} tables (issue 12, L3-CES1-04). TOTP as the
 * authenticator apps compute it (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), a code accepted
 * one step either side of now for clocks slightly apart. Each accepted code moves the account's
 * last used step forward, and a code of that step or an earlier one is refused: a code seen over
 * someone's shoulder cannot be used again within its window. Secrets are stored SM4-encrypted
 * ({@link FieldCipher}); recovery codes only as SM3 digests, each usable once.
 * <p>
 * The module's facade and its transactions (issue 25): each use case is a class of its own
 * ({@link SignInVerification}, {@link AuthenticatorEnrolment}, {@link RecoveryCodes},
 * {@link SecondFactorRemoval}, {@link SecondFactorOverview}, {@link SecondFactorPolicy},
 * {@link DemoAuthenticator}), running in the transaction begun here.
 */
@Service
class TwoFactorService implements SecondFactors {

	private final SignInVerification signIn;
	private final AuthenticatorEnrolment enrolment;
	private final RecoveryCodes recoveryCodes;
	private final SecondFactorRemoval removal;
	private final SecondFactorOverview overview;
	private final SecondFactorPolicy policy;
	private final DemoAuthenticator demo;
	private final SignInCache signedIn;
	private final TransactionTemplate reads;

	TwoFactorService(SignInVerification signIn, AuthenticatorEnrolment enrolment, RecoveryCodes recoveryCodes,
			SecondFactorRemoval removal, SecondFactorOverview overview, SecondFactorPolicy policy,
			DemoAuthenticator demo, SignInCache signedIn, PlatformTransactionManager transactions) {
		this.signIn = signIn;
		this.enrolment = enrolment;
		this.recoveryCodes = recoveryCodes;
		this.removal = removal;
		this.overview = overview;
		this.policy = policy;
		this.demo = demo;
		this.signedIn = signedIn;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	// --- the second step of a sign-in -------------------------------------------------------------

	/** Held briefly per account ({@link SignInCache}): asked on every API call. */
	SecondStepNeed need(long accountId) {
		return signedIn.need(accountId, id -> reads.execute(status -> signIn.need(id)));
	}

	/**
	 * Checks a one-time password, or a recovery code, given at sign-in through {@code channel}
	 * ("网页登录", "API"). A refusal is audited and counts towards the account's lockout.
	 */
	@Transactional
	SecondStepOutcome verifySignIn(long accountId, String username, String given, String channel) {
		return signIn.verify(accountId, username, given, channel);
	}

	/** Records a refusal where a second factor was required and not given (or not bound). */
	void refuse(String username, String channel, String reason) {
		signIn.refuse(username, channel, reason);
	}

	// --- self-service -----------------------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public SecondFactorStatus status(String username) {
		return overview.status(username);
	}

	@Override
	@Transactional
	public Enrolment startEnrolment(String username) {
		return enrolment.start(username);
	}

	@Override
	@Transactional
	public List<String> confirmEnrolment(String username, String code) {
		return enrolment.confirm(username, code);
	}

	@Override
	@Transactional
	public List<String> regenerateRecoveryCodes(String username, String code) {
		return recoveryCodes.regenerate(username, code);
	}

	@Override
	@Transactional
	public void disable(String username, String code) {
		removal.disable(username, code);
	}

	// --- the security administrator ---------------------------------------------------------------

	@Override
	@Transactional
	public void reset(String username) {
		removal.reset(username);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SecondFactorStatus> overview() {
		return overview.overview();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SecondFactorRule> policy() {
		return policy.rules();
	}

	@Override
	@Transactional
	public SecondFactorRule changePolicy(Role role, boolean mandatory) {
		return policy.change(role, mandatory);
	}

	// --- the demo installation --------------------------------------------------------------------

	/** Binds a known secret without a first code (demo data only), with no recovery codes. */
	@Transactional
	void enrolWithSecret(String username, String secret) {
		demo.enrolWithSecret(username, secret);
	}

	/** Usernames whose bound secret is the published demo secret (refused in production). */
	List<String> accountsWithDemoSecret() {
		return demo.accountsWithDemoSecret();
	}
}
