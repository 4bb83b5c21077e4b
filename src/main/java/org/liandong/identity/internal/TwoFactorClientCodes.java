package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.liandong.platform.Sm3;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time passwords accepted from API clients, each serving the client that gave it (same
 * Authorization header) until its window ends. In the database (table two_factor_client_code), so
 * every instance serves a client whose code another instance accepted; the same code from anyone
 * else is still a replay, refused by the account's last used step.
 */
@Component
class TwoFactorClientCodes {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecretKeySpec key;

	TwoFactorClientCodes(JdbcClient jdbc, Clock clock, @Value("${liandong.security.master-key}") String masterKey) {
		this.jdbc = jdbc;
		this.clock = clock;
		// the same key on every instance, and none of the stored values reveals a code or a password
		this.key = new SecretKeySpec(Sm3.digest(("two-factor-client:" + masterKey).getBytes(StandardCharsets.UTF_8)),
				"HmacSHA256");
	}

	@Transactional(readOnly = true)
	boolean matches(String username, String authorization, String code) {
		Optional<String> stored = jdbc.sql("""
				select client_mac from two_factor_client_code where entry_key = ? and valid_until > ?""")
			.params(mac(username, code), Timestamp.from(clock.instant()))
			.query(String.class)
			.optional();
		return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
				mac(authorization, code).getBytes(StandardCharsets.US_ASCII));
	}

	@Transactional
	void remember(String username, String authorization, String code) {
		Instant now = clock.instant();
		jdbc.sql("delete from two_factor_client_code where valid_until <= ?").param(Timestamp.from(now)).update();
		// a code is accepted up to one step after its own: the window ends two steps after the current one
		long step = now.getEpochSecond() / OneTimePasswords.PERIOD_SECONDS;
		Instant until = Instant.ofEpochSecond((step + 2) * OneTimePasswords.PERIOD_SECONDS);
		String entry = mac(username, code);
		jdbc.sql("delete from two_factor_client_code where entry_key = ?").param(entry).update();
		try {
			jdbc.sql("insert into two_factor_client_code (entry_key, client_mac, valid_until) values (?, ?, ?)")
				.params(entry, mac(authorization, code), Timestamp.from(until))
				.update();
		}
		catch (DuplicateKeyException sameCodeAtOnce) {
			// the account's last used step lets one acceptance of a code through; nothing to add
		}
	}

	private String mac(String first, String code) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(key);
			hmac.update(first.getBytes(StandardCharsets.UTF_8));
			hmac.update((byte) 0);
			return HexFormat.of().formatHex(hmac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
