package org.liandong.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal identifiers and secrets (phone numbers, ID-card numbers, second-factor secrets,
 * private keys) for storage with SM4 in GCM mode (GB/T 32907-2016; GCM as RFC 8998 uses it), so a
 * value altered in the database is detected.
 *
 * <p>Stored form {@code 2:} + Base64(nonce || ciphertext || tag), under a key derived from the master
 * key with HKDF over SM3 (RFC 5869), and with associated data naming where the value lives (table,
 * column and the row's stable key, e.g. {@code user_account.mobile_cipher:xinhua.enforcer}): a
 * ciphertext copied to another row or column no longer decrypts (issue 19). Values written before
 * (no prefix: a key that was one SM3 hash of the master key, no associated data) are still read, and
 * {@link #isCurrent} tells which ones to write again.
 */
@Component
public class FieldCipher {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final String VERSION = "2:";
	private static final byte[] HKDF_SALT = "liandong-field-cipher".getBytes(StandardCharsets.UTF_8);
	private static final byte[] HKDF_INFO = "sm4-gcm-128 v2".getBytes(StandardCharsets.UTF_8);

	private final byte[] key;
	/** The current master key first, then the previous ones: each with its v2 key and its legacy key. */
	private final List<byte[]> readKeys;
	private final List<byte[]> legacyKeys;
	private final SecureRandom random = new SecureRandom();

	public FieldCipher(String masterKey) {
		this(masterKey, List.of());
	}

	/**
	 * Key rotation (docs/SECURITY.md): values are written under the current master key and read
	 * under it or, failing that, under each previous one ({@code liandong.security.previous-master-keys}),
	 * so a new key takes effect at once and old values stay readable until they are written again.
	 */
	@Autowired
	public FieldCipher(@Value("${liandong.security.master-key}") String masterKey,
			@Value("${liandong.security.previous-master-keys:}") List<String> previousMasterKeys) {
		List<String> masters = Stream.concat(Stream.of(masterKey), previousMasterKeys.stream().filter(k -> !k.isBlank()))
			.peek(FieldCipher::requireLength)
			.toList();
		this.key = derive(masterKey);
		this.readKeys = masters.stream().map(FieldCipher::derive).toList();
		this.legacyKeys = masters.stream().map(FieldCipher::deriveLegacy).toList();
	}

	private static void requireLength(String masterKey) {
		if (masterKey == null || masterKey.length() < 16) {
			throw new IllegalStateException("主密钥 liandong.security.master-key（生产环境为环境变量 LIANDONG_MASTER_KEY）至少需要 16 个字符");
		}
	}

	/** HKDF-SM3 (RFC 5869 with SM3 as the hash) of the master key: a 128-bit SM4 key. */
	static byte[] derive(String masterKey) {
		requireLength(masterKey);
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SM3Digest());
		hkdf.init(new HKDFParameters(masterKey.getBytes(StandardCharsets.UTF_8), HKDF_SALT, HKDF_INFO));
		byte[] derived = new byte[16];
		hkdf.generateBytes(derived, 0, derived.length);
		return derived;
	}

	/** The key of values written before issue 19, kept only to read them. */
	private static byte[] deriveLegacy(String masterKey) {
		return Arrays.copyOf(Sm3.digest(("field-cipher:" + masterKey).getBytes(StandardCharsets.UTF_8)), 16);
	}

	/**
	 * Encrypts a value for the place named by {@code context} (table.column:row key); the same
	 * context must be given to read it back.
	 */
	public String encrypt(String plain, String context) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = seal(key, nonce, aad(context), plain.getBytes(StandardCharsets.UTF_8));
		return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
				.put(nonce).put(sealed).array());
	}

	/** Reads a value written for {@code context}; refuses one altered, moved from elsewhere, or under an unknown key. */
	public String decrypt(String stored, String context) {
		if (stored == null) {
			return null;
		}
		boolean current = stored.startsWith(VERSION);
		byte[] all = Base64.getDecoder().decode(current ? stored.substring(VERSION.length()) : stored);
		byte[] nonce = Arrays.copyOfRange(all, 0, NONCE_BYTES);
		byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
		IllegalStateException failure = null;
		for (byte[] candidate : current ? readKeys : legacyKeys) {
			try {
				return new String(open(candidate, nonce, current ? aad(context) : new byte[0], sealed),
						StandardCharsets.UTF_8);
			}
			catch (IllegalStateException underAnotherKey) {
				failure = failure == null ? underAnotherKey : failure;
			}
		}
		throw failure;
	}

	/** Whether a stored value is in the current form under the current master key (else: write it again). */
	public boolean isCurrent(String stored, String context) {
		if (stored == null) {
			return true;
		}
		if (!stored.startsWith(VERSION)) {
			return false;
		}
		byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
		try {
			open(key, Arrays.copyOfRange(all, 0, NONCE_BYTES), aad(context), Arrays.copyOfRange(all, NONCE_BYTES, all.length));
			return true;
		}
		catch (IllegalStateException otherKey) {
			return false;
		}
	}

	/**
	 * The value written again under the current master key, or null when it is current already (key
	 * rotation, docs/SECURITY.md). A value that no known key opens, or that is not a stored value at
	 * all, is refused with {@link IllegalStateException}: it is never replaced.
	 */
	public String rewritten(String stored, String context) {
		try {
			return isCurrent(stored, context) ? null : encrypt(decrypt(stored, context), context);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
			throw new IllegalStateException("加密字段格式不正确，无法解密", malformed);
		}
	}

	private static byte[] aad(String context) {
		if (context == null || context.isBlank()) {
			throw new IllegalArgumentException("an encrypted field names its place (table.column:row)");
		}
		return context.getBytes(StandardCharsets.UTF_8);
	}

	/** SM4-GCM encryption: ciphertext followed by the 128-bit tag. */
	static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
		return run(key, true, nonce, aad, plain);
	}

	static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
		return run(key, false, nonce, aad, sealed);
	}

	private static byte[] run(byte[] key, boolean encrypt, byte[] nonce, byte[] aad, byte[] input) {
		GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
		byte[] out = new byte[cipher.getOutputSize(input.length)];
		int length = cipher.processBytes(input, 0, input.length, out, 0);
		try {
			length += cipher.doFinal(out, length);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("加密字段校验失败：数据可能被篡改、被移至他处，或主密钥不一致", e);
		}
		return Arrays.copyOf(out, length);
	}

	/**
	 * A keyed hash of a value (HMAC-SM3 under a key derived from the current master key by HKDF-SM3 for
	 * {@code purpose}), so that equal values are found equal without being stored in clear (issue 22: a
	 * person's ID number across cases). The form is {@code <key id>:<hex>}: after a key rotation the
	 * stored hashes under an earlier key are recognised by {@link #isCurrentKeyedHash} and written again.
	 */
	public String keyedHash(String value, String purpose) {
		if (value == null) {
			return null;
		}
		byte[] hashKey = hashKey(purpose);
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(hashKey));
		byte[] input = value.getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return keyId(hashKey) + ":" + HexFormat.of().formatHex(out);
	}

	/** Whether a stored keyed hash was made under the current master key. */
	public boolean isCurrentKeyedHash(String stored, String purpose) {
		return stored != null && stored.startsWith(keyId(hashKey(purpose)) + ":");
	}

	private byte[] hashKey(String purpose) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SM3Digest());
		hkdf.init(new HKDFParameters(key, "liandong-keyed-hash".getBytes(StandardCharsets.UTF_8),
				("hmac-sm3 " + purpose).getBytes(StandardCharsets.UTF_8)));
		byte[] derived = new byte[32];
		hkdf.generateBytes(derived, 0, derived.length);
		return derived;
	}

	/** Names a hash key without revealing it: the first 8 hex digits of its SM3 digest. */
	private static String keyId(byte[] hashKey) {
		return HexFormat.of().formatHex(Sm3.digest(hashKey)).substring(0, 8);
	}

	/** Shows the first three and last four characters, as Chinese systems print phone numbers. */
	public static String mask(String value) {
		if (value == null || value.length() < 8) {
			return value == null ? null : "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}
}
