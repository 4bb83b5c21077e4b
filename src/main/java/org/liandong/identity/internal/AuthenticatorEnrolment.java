package org.liandong.identity.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.liandong.identity.Enrolment;
import org.liandong.identity.SecondFactorEnrolled;
import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Binding an authenticator app (issue 12, L3-CES1-04): a new secret, stored SM4-encrypted and
 * shown as a QR code, is pending until the person confirms it with a first code; then it is in
 * force and the recovery codes are issued. Runs in the transaction of the {@link TwoFactorService}
 * method that calls it.
 */
@Component
record AuthenticatorEnrolment(JdbcClient jdbc, FieldCipher cipher, ApplicationEventPublisher events,
		SecondFactorRecords records, OneTimePasswords passwords, RecoveryCodes recoveryCodes) {

	static final String ISSUER = "联动平台";

	/** Starts (or shows again) a binding: a new secret, not in force until confirmed with a first code. */
	Enrolment start(String username) {
		Account account = records.account(username);
		if (records.enrolled(account.id())) {
			throw DomainException.conflict("two-factor-enrolled",
					"已绑定动态口令。如需更换手机，请先关闭后重新绑定；角色要求使用动态口令的，请联系安全管理员重置");
		}
		String secret = jdbc.sql("select pending_secret_cipher from two_factor where user_account_id = ?")
			.param(account.id())
			.query(String.class)
			.optional()
			.map(sealed -> cipher.decrypt(sealed, SecondFactorRecords.secretContext(account.id())))
			.orElse(null);
		if (secret == null) {
			secret = new DefaultSecretGenerator(32).generate();
			String sealed = cipher.encrypt(secret, SecondFactorRecords.secretContext(account.id()));
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
			.period(OneTimePasswords.PERIOD_SECONDS)
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

	/** Puts the shown secret in force, given a first code from the app; the new recovery codes, shown once. */
	List<String> confirm(String username, String code) {
		Account account = records.account(username);
		if (records.enrolled(account.id())) {
			throw DomainException.conflict("two-factor-enrolled", "已绑定动态口令，无需再次确认");
		}
		String pending = jdbc.sql("select pending_secret_cipher from two_factor where user_account_id = ?")
			.param(account.id())
			.query(String.class)
			.optional()
			.map(sealed -> cipher.decrypt(sealed, SecondFactorRecords.secretContext(account.id())))
			.orElseThrow(() -> DomainException.invalid("two-factor-not-started", "请先开始绑定：扫描二维码或输入密钥"));
		String given = code == null ? "" : code.replaceAll("\\s", "");
		Optional<Long> step = OneTimePasswords.SIX_DIGITS.matcher(given).matches()
				? passwords.matchingStep(pending, given)
				: Optional.empty();
		if (step.isEmpty()) {
			throw DomainException.invalid("two-factor-invalid",
					"动态口令不正确：请输入身份验证器当前显示的 6 位数字（请确认手机时间准确），绑定尚未完成");
		}
		jdbc.sql("""
				update two_factor set secret_cipher = pending_secret_cipher, pending_secret_cipher = null,
				       enrolled_at = ?, last_used_step = ?
				where user_account_id = ?""")
			.params(records.now(), step.get(), account.id())
			.update();
		List<String> issued = recoveryCodes.issue(account.id());
		events.publishEvent(new SecondFactorEnrolled(username));
		return issued;
	}
}
