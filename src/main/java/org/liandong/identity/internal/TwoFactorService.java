package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.liandong.identity.Enrolment;
import org.liandong.identity.RecoveryCodesRegenerated;
import org.liandong.identity.Role;
import org.liandong.identity.SecondFactorDisabled;
import org.liandong.identity.SecondFactorEnrolled;
import org.liandong.identity.SecondFactorPassed;
import org.liandong.identity.SecondFactorPolicyChanged;
import org.liandong.identity.SecondFactorRefused;
import org.liandong.identity.SecondFactorReset;
import org.liandong.identity.SecondFactorRule;
import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.SecondFactors;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Second factor of sign-in on the {@code two_factor} tables (issue 12, L3-CES1-04). TOTP as the
 * authenticator apps compute it (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), a code accepted
 * one step either side of now for clocks slightly apart. Each accepted code moves the account's
 * last used step forward, and a code of that step or an earlier one is refused: a code seen over
 * someone's shoulder cannot be used again within its window. Secrets are stored SM4-encrypted
 * ({@link FieldCipher}); recovery codes only as SM3 digests, each usable once.
 */
@Service
class TwoFactorService implements SecondFactors {

	/**
	 * The secret of the three demo administrators, published in the README so that anyone trying the
	 * demo can add it to an authenticator app. Only the demo data uses it; production refuses to start
	 * while any account still has it ({@link ProductionSafety}).
	 */
	static final String DEMO_SECRET = "LIANDONGDEMOADMINTOTPSECRETABCDE";

	static final int PERIOD_SECONDS = 30;

	static final int RECOVERY_CODES = 10;

	static final String ISSUER = "联动平台";

	private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

	/** What a sign-in needs at its second step. */
	enum Need {
		/** Nothing: no second factor bound and none required. */
		NONE,
		/** A one-time password (or a recovery code) of the bound authenticator. */
		CODE,
		/** The roles require a second factor and none is bound: bind one first. */
		ENROLMENT
	}

	/** The answer to a code given at sign-in. */
	enum Outcome {
		PASSED("动态口令验证通过"),
		WRONG("动态口令错误或已过期：请输入身份验证器当前显示的 6 位数字，或一个未使用的恢复码"),
		REPLAYED("该动态口令已经使用过：每个口令只能使用一次，请等待身份验证器显示新的口令后再输入"),
		RECOVERY_USED("该恢复码已经使用过：每个恢复码只能使用一次"),
		MISSING("需要动态口令：请输入身份验证器当前显示的 6 位数字"),
		LOCKED("连续多次验证失败，账户已被锁定，请稍后再试或联系安全管理员");

		private final String message;

		Outcome(String message) {
			this.message = message;
		}

		String message() {
			return message;
		}
	}

	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final SignInGuard guard;
	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	TwoFactorService(JdbcClient jdbc, FieldCipher cipher, Clock clock, ApplicationEventPublisher events,
			SignInGuard guard) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.events = events;
		this.guard = guard;
	}

	// --- the second step of a sign-in -------------------------------------------------------------

	@Transactional(readOnly = true)
	Need need(long accountId) {
		if (enrolled(accountId)) {
			return Need.CODE;
		}
		return mandatory(accountId) ? Need.ENROLMENT : Need.NONE;
	}

	/**
	 * Checks a one-time password, or a recovery code, given at sign-in through {@code channel}
	 * ("网页登录", "API"). A refusal is audited and counts towards the account's lockout.
	 */
	@Transactional
	Outcome verifySignIn(long accountId, String username, String given, String channel) {
		if (guard.locked(username)) {
			return refused(username, channel, Outcome.LOCKED, false);
		}
		String input = given == null ? "" : given.replaceAll("[\\s-]", "");
		if (input.isEmpty()) {
			return refused(username, channel, Outcome.MISSING, false);
		}
		Outcome outcome;
		boolean recovery = !SIX_DIGITS.matcher(input).matches();
		if (!recovery) {
			outcome = useCode(accountId, activeSecret(accountId), input);
		}
		else {
			outcome = useRecoveryCode(accountId, input);
		}
		if (outcome != Outcome.PASSED) {
			return refused(username, channel, outcome, true);
		}
		guard.secondFactorSucceeded(username);
		events.publishEvent(new SecondFactorPassed(username, channel, recovery, recovery ? recoveryCodesLeft(accountId) : 0));
		return Outcome.PASSED;
	}

	/** Records a refusal where a second factor was required and not given (or not bound). */
	void refuse(String username, String channel, String reason) {
		events.publishEvent(new SecondFactorRefused(username, channel, reason));
	}

	private Outcome refused(String username, String channel, Outcome outcome, boolean counted) {
		events.publishEvent(new SecondFactorRefused(username, channel, reasonOf(outcome)));
		if (counted && guard.secondFactorFailed(username)) {
			return Outcome.LOCKED;
		}
		return outcome;
	}

	private static String reasonOf(Outcome outcome) {
		return switch (outcome) {
			case WRONG -> "动态口令或恢复码错误";
			case REPLAYED -> "动态口令重复使用";
			case RECOVERY_USED -> "恢复码已使用过";
			case MISSING -> "未提供动态口令";
			case LOCKED -> "账户已锁定";
			case PASSED -> "";
		};
	}

	/** The step of a code valid now (one step of clock difference allowed either side), if it matches. */
	private Optional<Long> matchingStep(String secret, String code) {
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
	private Outcome useCode(long accountId, String secret, String code) {
		if (secret == null) {
			return Outcome.WRONG;
		}
		Optional<Long> step = matchingStep(secret, code);
		if (step.isEmpty()) {
			return Outcome.WRONG;
		}
		int moved = jdbc.sql("""
				update two_factor set last_used_step = :step
				where user_account_id = :id and (last_used_step is null or last_used_step < :step)""")
			.param("step", step.get())
			.param("id", accountId)
			.update();
		return moved == 1 ? Outcome.PASSED : Outcome.REPLAYED;
	}

	private Outcome useRecoveryCode(long accountId, String input) {
		String hash = recoveryHash(accountId, input);
		int used = jdbc.sql("""
				update two_factor_recovery_code set used_at = :now
				where user_account_id = :id and code_hash = :hash and used_at is null""")
			.param("now", now())
			.param("id", accountId)
			.param("hash", hash)
			.update();
		if (used == 1) {
			return Outcome.PASSED;
		}
		boolean known = jdbc.sql("select count(*) from two_factor_recovery_code where user_account_id = ? and code_hash = ?")
			.params(accountId, hash)
			.query(Integer.class)
			.single() > 0;
		return known ? Outcome.RECOVERY_USED : Outcome.WRONG;
	}

	String code(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- self-service -----------------------------------------------------------------------------

	@Override
	@Transactional(readOnly = true)
	public SecondFactorStatus status(String username) {
		Account account = account(username);
		return statusOf(account);
	}

	@Override
	@Transactional
	public Enrolment startEnrolment(String username) {
		Account account = account(username);
		if (enrolled(account.id())) {
			throw DomainException.conflict("two-factor-enrolled",
					"已绑定动态口令。如需更换手机，请先关闭后重新绑定；角色要求使用动态口令的，请联系安全管理员重置");
		}
		String secret = jdbc.sql("select pending_secret_cipher from two_factor where user_account_id = ?")
			.param(account.id())
			.query(String.class)
			.optional()
			.map(cipher::decrypt)
			.orElse(null);
		if (secret == null) {
			secret = new DefaultSecretGenerator(32).generate();
			String sealed = cipher.encrypt(secret);
			int updated = jdbc.sql("update two_factor set pending_secret_cipher = ? where user_account_id = ?")
				.params(sealed, account.id())
				.update();
			if (updated == 0) {
				jdbc.sql("insert into two_factor (user_account_id, pending_secret_cipher) values (?, ?)")
					.params(account.id(), sealed)
					.update();
			}
		}
		return enrolment(username, secret);
	}

	private static Enrolment enrolment(String username, String secret) {
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(PERIOD_SECONDS)
			.build();
		ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
		qr.setImageSize(240);
		try {
			String image = Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType());
			String grouped = Arrays.stream(secret.split("(?<=\\G.{4})")).collect(Collectors.joining(" "));
			return new Enrolment(grouped, data.getUri(), image);
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	@Transactional
	public List<String> confirmEnrolment(String username, String code) {
		Account account = account(username);
		if (enrolled(account.id())) {
			throw DomainException.conflict("two-factor-enrolled", "已绑定动态口令，无需再次确认");
		}
		String pending = jdbc.sql("select pending_secret_cipher from two_factor where user_account_id = ?")
			.param(account.id())
			.query(String.class)
			.optional()
			.map(cipher::decrypt)
			.orElseThrow(() -> DomainException.invalid("two-factor-not-started", "请先开始绑定：扫描二维码或输入密钥"));
		String given = code == null ? "" : code.replaceAll("\\s", "");
		Optional<Long> step = SIX_DIGITS.matcher(given).matches() ? matchingStep(pending, given) : Optional.empty();
		if (step.isEmpty()) {
			throw DomainException.invalid("two-factor-invalid",
					"动态口令不正确：请输入身份验证器当前显示的 6 位数字（请确认手机时间准确），绑定尚未完成");
		}
		jdbc.sql("""
				update two_factor set secret_cipher = pending_secret_cipher, pending_secret_cipher = null,
				       enrolled_at = ?, last_used_step = ?
				where user_account_id = ?""")
			.params(now(), step.get(), account.id())
			.update();
		List<String> recoveryCodes = newRecoveryCodes(account.id());
		events.publishEvent(new SecondFactorEnrolled(username));
		return recoveryCodes;
	}

	@Override
	@Transactional
	public List<String> regenerateRecoveryCodes(String username, String code) {
		Account account = account(username);
		requireCurrentCode(account, code);
		List<String> recoveryCodes = newRecoveryCodes(account.id());
		events.publishEvent(new RecoveryCodesRegenerated(username));
		return recoveryCodes;
	}

	@Override
	@Transactional
	public void disable(String username, String code) {
		Account account = account(username);
		if (mandatory(account.id())) {
			throw DomainException.forbidden("two-factor-mandatory",
					"您的角色按安全策略必须使用动态口令，不能关闭；如更换手机，请联系安全管理员重置");
		}
		requireCurrentCode(account, code);
		remove(account.id());
		events.publishEvent(new SecondFactorDisabled(username));
	}

	private void requireCurrentCode(Account account, String code) {
		if (!enrolled(account.id())) {
			throw DomainException.conflict("two-factor-not-enrolled", "尚未绑定动态口令");
		}
		String given = code == null ? "" : code.replaceAll("\\s", "");
		Outcome outcome = SIX_DIGITS.matcher(given).matches() ? useCode(account.id(), activeSecret(account.id()), given)
				: Outcome.WRONG;
		if (outcome != Outcome.PASSED) {
			throw DomainException.invalid(outcome == Outcome.REPLAYED ? "two-factor-replayed" : "two-factor-invalid",
					outcome.message() + "，未作任何修改");
		}
	}

	// --- the security administrator ---------------------------------------------------------------

	@Override
	@Transactional
	public void reset(String username) {
		Account account = account(username);
		if (SignedInUser.current().map(user -> user.getUsername().equals(username)).orElse(false)) {
			throw DomainException.forbidden("two-factor-own-reset",
					"不能重置本人的动态口令：请使用恢复码登录后重新绑定，或由另一位安全管理员办理");
		}
		if (jdbc.sql("select count(*) from two_factor where user_account_id = ?").param(account.id()).query(Integer.class)
			.single() == 0) {
			throw DomainException.conflict("two-factor-not-enrolled", "账户 %s 尚未绑定动态口令，无需重置".formatted(username));
		}
		remove(account.id());
		events.publishEvent(new SecondFactorReset(username));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SecondFactorStatus> overview() {
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

	@Override
	@Transactional(readOnly = true)
	public List<SecondFactorRule> policy() {
		List<SecondFactorRule> rules = new ArrayList<>();
		for (Role role : Role.values()) {
			rules.add(jdbc.sql("select mandatory, changed_at, changed_by from two_factor_policy where role = ?")
				.param(role.name())
				.query((rs, n) -> {
					OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
					return new SecondFactorRule(role, role.label(), rs.getBoolean("mandatory"),
							changed == null ? null : changed.toInstant(), rs.getString("changed_by"));
				})
				.optional()
				.orElse(new SecondFactorRule(role, role.label(), false, null, null)));
		}
		return rules;
	}

	@Override
	@Transactional
	public SecondFactorRule changePolicy(Role role, boolean mandatory) {
		if (role == null) {
			throw DomainException.invalid("role-required", "请指定角色");
		}
		if (role.isAdministrator() && !mandatory) {
			throw DomainException.invalid("two-factor-administrators",
					"系统管理员、安全管理员、审计管理员必须使用动态口令（等级保护第三级身份鉴别要求），不能设为自愿");
		}
		String by = SignedInUser.current().map(SignedInUser::getUsername).orElse("system");
		int updated = jdbc.sql("update two_factor_policy set mandatory = ?, changed_at = ?, changed_by = ? where role = ?")
			.params(mandatory, now(), by, role.name())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into two_factor_policy (role, mandatory, changed_at, changed_by) values (?, ?, ?, ?)")
				.params(role.name(), mandatory, now(), by)
				.update();
		}
		events.publishEvent(new SecondFactorPolicyChanged(role, mandatory));
		return policy().stream().filter(rule -> rule.role() == role).findFirst().orElseThrow();
	}

	// --- the demo installation --------------------------------------------------------------------

	/** Binds a known secret without a first code (demo data only), with no recovery codes. */
	@Transactional
	void enrolWithSecret(String username, String secret) {
		Account account = account(username);
		remove(account.id());
		jdbc.sql("insert into two_factor (user_account_id, secret_cipher, enrolled_at) values (?, ?, ?)")
			.params(account.id(), cipher.encrypt(secret), now())
			.update();
	}

	/** Usernames whose bound secret is the published demo secret (refused in production). */
	List<String> accountsWithDemoSecret() {
		return jdbc.sql("""
				select u.username, t.secret_cipher from two_factor t join user_account u on u.id = t.user_account_id
				where t.secret_cipher is not null""")
			.query((rs, n) -> {
				try {
					return DEMO_SECRET.equals(cipher.decrypt(rs.getString(2))) ? rs.getString(1) : null;
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

	// --- helpers ----------------------------------------------------------------------------------

	private record Account(long id, String username, String displayName) {
	}

	private Account account(String username) {
		return jdbc.sql("select id, username, display_name from user_account where username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("user-not-found", "用户 %s 不存在".formatted(username)));
	}

	private SecondFactorStatus statusOf(Account account) {
		Instant enrolledAt = jdbc.sql("select enrolled_at from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(account.id())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional()
			.orElse(null);
		return new SecondFactorStatus(account.username(), account.displayName(), enrolledAt != null, enrolledAt,
				mandatory(account.id()), enrolledAt == null ? 0 : recoveryCodesLeft(account.id()));
	}

	private boolean enrolled(long accountId) {
		return jdbc.sql("select count(*) from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	private boolean mandatory(long accountId) {
		return jdbc.sql("""
				select count(*) from user_role r join two_factor_policy p on p.role = r.role
				where r.user_account_id = ? and p.mandatory""")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	private String activeSecret(long accountId) {
		return jdbc.sql("select secret_cipher from two_factor where user_account_id = ? and enrolled_at is not null")
			.param(accountId)
			.query(String.class)
			.optional()
			.map(cipher::decrypt)
			.orElse(null);
	}

	private int recoveryCodesLeft(long accountId) {
		return jdbc.sql("select count(*) from two_factor_recovery_code where user_account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private List<String> newRecoveryCodes(long accountId) {
		jdbc.sql("delete from two_factor_recovery_code where user_account_id = ?").param(accountId).update();
		List<String> generated = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		for (String code : generated) {
			jdbc.sql("insert into two_factor_recovery_code (user_account_id, code_hash) values (?, ?)")
				.params(accountId, recoveryHash(accountId, code))
				.update();
		}
		return generated;
	}

	private static String recoveryHash(long accountId, String code) {
		String normalised = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return Sm3.hex((accountId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
	}

	private void remove(long accountId) {
		jdbc.sql("delete from two_factor_recovery_code where user_account_id = ?").param(accountId).update();
		jdbc.sql("delete from two_factor where user_account_id = ?").param(accountId).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
