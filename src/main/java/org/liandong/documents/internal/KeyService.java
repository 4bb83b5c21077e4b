package org.liandong.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.documents.DocumentSignature;
import org.liandong.documents.SigningKeyChanged;
import org.liandong.documents.SigningKeyView;
import org.liandong.documents.SigningKeys;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.ReferenceData;
import org.liandong.platform.Sm2;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-agency SM2 keys (issue 12, GB/T 39786-2021 §8.4). The private key is stored only encrypted
 * with SM4-GCM under the configured master key ({@link FieldCipher}); it is decrypted for one
 * signature at a time and never leaves this class. {@code signing_key_current} points at the key an
 * agency signs with: its primary key keeps two first keys from being made concurrently, and a
 * rotation only moves the pointer, so old public keys stay for verification.
 */
@Service
@Transactional
class KeyService implements SigningKeys {

	/** A key as stored, the private half still encrypted. */
	record Key(long id, String agencyCode, String publicKey, String encryptedPrivateKey, Instant createdAt,
			Instant retiredAt, Instant revokedAt, String revokedReason) {
	}

	/** A signature made with an agency's current key. */
	record Signed(long keyId, String signature) {
	}

	/** The reference data's name of the agencies' current keys ({@link ReferenceData}). */
	static final String CURRENT_KEYS = "signing-key";

	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final Agencies agencies;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ReferenceData referenceData;
	/**
	 * Every agency's current key, held in memory (issue 18): looked up at every signature, changed only by a
	 * first key, a rotation or a revocation. The private halves stay encrypted here as in the table.
	 */
	private final ReferenceData.Cached<Map<String, Key>> current;

	KeyService(JdbcClient jdbc, FieldCipher cipher, Agencies agencies, ApplicationEventPublisher events, Clock clock,
			ReferenceData referenceData) {
		this.referenceData = referenceData;
		this.current = referenceData.cache(CURRENT_KEYS, () -> Map.copyOf(jdbc
			.sql("select k.* from signing_key k join signing_key_current c on c.key_id = k.id")
			.query((rs, n) -> key(rs)).list().stream()
			.collect(Collectors.toMap(Key::agencyCode, Function.identity()))));
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** Signs with the agency's current key, making its first key if it has none (or its current one was revoked). */
	Signed sign(String agencyCode, byte[] message) {
		Key key = currentKey(agencyCode).orElseGet(() -> firstKey(agencyCode));
		return new Signed(key.id(), Sm2.sign(pair(key), message));
	}

	/** Several signatures with the agency's current key, looked up once (a letter and its evidences, issue 23). */
	List<Signed> signAll(String agencyCode, List<byte[]> messages) {
		Key key = currentKey(agencyCode).orElseGet(() -> firstKey(agencyCode));
		Sm2.KeyPair pair = pair(key);
		return messages.stream().map(message -> new Signed(key.id(), Sm2.sign(pair, message))).toList();
	}

	/**
	 * Signs with one given key, current or not: the key that signed a document's record signs its
	 * PDF too (issue 19), so both name the same key. Returns the DER-encoded SM2 signature.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	byte[] signWith(Key key, byte[] message) {
		return Base64.getDecoder().decode(Sm2.sign(pair(key), message));
	}

	/** The key's public half and its private half in clear, for one signature. */
	private Sm2.KeyPair pair(Key key) {
		return new Sm2.KeyPair(key.publicKey(), cipher.decrypt(key.encryptedPrivateKey(), privateKeyContext(key.publicKey())));
	}

	@Transactional(readOnly = true)
	Optional<Key> key(long id) {
		return jdbc.sql("select * from signing_key where id = ?").param(id).query((rs, n) -> key(rs)).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SigningKeyView> keysOf(String agencyCode) {
		agency(agencyCode);
		Long current = currentKey(agencyCode).map(Key::id).orElse(null);
		return jdbc.sql("select * from signing_key where agency = ? order by id desc")
			.param(agencyCode)
			.query((rs, n) -> key(rs))
			.list()
			.stream()
			.map(k -> view(k, current))
			.toList();
	}

	@Override
	public SigningKeyView rotate(String agencyCode) {
		AgencySummary agency = agency(agencyCode);
		Optional<Key> old = currentKey(agencyCode);
		if (old.isEmpty()) {
			return view(firstKey(agencyCode), null);
		}
		Instant now = now();
		Key key = insert(agencyCode, now);
		jdbc.sql("update signing_key set retired_at = ? where id = ?").params(utc(now), old.get().id()).update();
		jdbc.sql("update signing_key_current set key_id = ? where agency = ?").params(key.id(), agencyCode).update();
		referenceData.changed(CURRENT_KEYS);
		events.publishEvent(new SigningKeyChanged("SIGNING_KEY_ROTATED", key.id(), agencyCode,
				"%s启用 SM2 签名密钥 #%d，原密钥 #%d 停用（公钥保留，用于验证已签公文）".formatted(agency.name(), key.id(),
						old.get().id())));
		return view(key, key.id());
	}

	@Override
	public SigningKeyView revoke(long keyId, String reason) {
		Key key = key(keyId).orElseThrow(
				() -> DomainException.notFound("unknown-signing-key", "签名密钥 #%d 不存在".formatted(keyId)));
		if (key.revokedAt() != null) {
			throw DomainException.invalid("signing-key-revoked", "签名密钥 #%d 已于此前吊销".formatted(keyId));
		}
		String why = reason == null || reason.isBlank() ? "未说明原因" : reason.strip();
		if (why.length() > 500) {
			throw DomainException.invalid("reason-too-long", "吊销原因不能超过 500 个字");
		}
		Instant now = now();
		jdbc.sql("""
				update signing_key set revoked_at = ?, revoked_reason = ?, retired_at = coalesce(retired_at, ?)
				where id = ?""").params(utc(now), why, utc(now), keyId).update();
		// the agency's next signature makes a new key
		jdbc.sql("delete from signing_key_current where agency = ? and key_id = ?").params(key.agencyCode(), keyId)
			.update();
		referenceData.changed(CURRENT_KEYS);
		String agencyName = agencies.find(key.agencyCode()).map(AgencySummary::name).orElse(key.agencyCode());
		events.publishEvent(new SigningKeyChanged("SIGNING_KEY_REVOKED", keyId, key.agencyCode(),
				"吊销%s的 SM2 签名密钥 #%d（原因：%s），以该密钥签名的公文和回执均不再通过验证".formatted(agencyName, keyId, why)));
		return view(key(keyId).orElseThrow(), null);
	}

	private Optional<Key> currentKey(String agencyCode) {
		return Optional.ofNullable(current.get().get(agencyCode));
	}

	/** The pointer as the database has it now, whatever this instance holds. */
	private Optional<Key> currentKeyStored(String agencyCode) {
		return jdbc.sql("select k.* from signing_key k join signing_key_current c on c.key_id = k.id where c.agency = ?")
			.param(agencyCode)
			.query((rs, n) -> key(rs))
			.optional();
	}

	/**
	 * Makes the agency's first (or, after a revocation, next) key. When another transaction made one
	 * at the same time, the database lets only one pointer in; the loser drops its key and uses the
	 * winner's.
	 */
	private Key firstKey(String agencyCode) {
		AgencySummary agency = agency(agencyCode);
		Key key = insert(agencyCode, now());
		int pointed = jdbc.sql("insert into signing_key_current (agency, key_id) values (?, ?) on conflict do nothing")
			.params(agencyCode, key.id())
			.update();
		if (pointed == 0) {
			jdbc.sql("delete from signing_key where id = ?").param(key.id()).update();
			// the winner's key, which this instance may not hold yet
			return currentKeyStored(agencyCode).orElseThrow();
		}
		referenceData.changed(CURRENT_KEYS);
		events.publishEvent(new SigningKeyChanged("SIGNING_KEY_GENERATED", key.id(), agencyCode,
				"为%s生成 SM2 签名密钥 #%d（私钥以 SM4 加密保存）".formatted(agency.name(), key.id())));
		return key;
	}

	private Key insert(String agencyCode, Instant now) {
		Sm2.KeyPair pair = Sm2.generate();
		String encrypted = cipher.encrypt(pair.privateKey(), privateKeyContext(pair.publicKey()));
		KeyHolder holder = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into signing_key (agency, algorithm, public_key, private_key, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(agencyCode, DocumentSignature.ALGORITHM, pair.publicKey(), encrypted, utc(now))
			.update(holder, "id");
		long id = holder.getKeyAs(Long.class);
		return new Key(id, agencyCode, pair.publicKey(), encrypted, now, null, null, null);
	}

	/**
	 * Where a private key is sealed (issue 19): bound to its own public key, so a private key copied
	 * into another key's row no longer decrypts.
	 */
	static String privateKeyContext(String publicKey) {
		return "signing_key.private_key:" + publicKey;
	}

	/** The agency the address names; an unknown one is a 404, as for {@code /agencies/{code}} (issue 20). */
	private AgencySummary agency(String code) {
		return agencies.find(code)
			.orElseThrow(() -> DomainException.notFound("unknown-agency", "机构 %s 不存在".formatted(code)));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static SigningKeyView view(Key k, Long current) {
		return new SigningKeyView(k.id(), k.agencyCode(), DocumentSignature.ALGORITHM, k.publicKey(), k.createdAt(),
				current != null && current == k.id(), k.retiredAt(), k.revokedAt(), k.revokedReason());
	}

	private static Key key(ResultSet rs) throws SQLException {
		return new Key(rs.getLong("id"), rs.getString("agency"), rs.getString("public_key"), rs.getString("private_key"),
				instant(rs, "created_at"), instant(rs, "retired_at"), instant(rs, "revoked_at"),
				rs.getString("revoked_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
