package org.liandong.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal identifiers (phone numbers, ID-card numbers) for storage with SM4 in GCM
 * mode (GB/T 32907-2016), under a key derived from the configured master key. The stored form
 * is Base64 of nonce and ciphertext; GCM also detects a value altered in the database.
 */
@Component
public class FieldCipher {

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final byte[] key;
	/** The current key first, then the previous ones. */
	private final List<byte[]> readKeys;
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
		this.key = derive(masterKey);
		this.readKeys = Stream.concat(Stream.of(masterKey), previousMasterKeys.stream().filter(k -> !k.isBlank()))
			.map(FieldCipher::derive)
			.toList();
	}

	private static byte[] derive(String masterKey) {
		if (masterKey == null || masterKey.length() < 16) {
			throw new IllegalStateException("主密钥 liandong.security.master-key（生产环境为环境变量 LIANDONG_MASTER_KEY）至少需要 16 个字符");
		}
		return Arrays.copyOf(Sm3.digest(("field-cipher:" + masterKey).getBytes(StandardCharsets.UTF_8)), 16);
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = run(key, true, nonce, plain.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
				.put(nonce).put(sealed).array());
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		byte[] all = Base64.getDecoder().decode(stored);
		byte[] nonce = Arrays.copyOfRange(all, 0, NONCE_BYTES);
		byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
		IllegalStateException failure = null;
		for (byte[] candidate : readKeys) {
			try {
				return new String(run(candidate, false, nonce, sealed), StandardCharsets.UTF_8);
			}
			catch (IllegalStateException underAnotherKey) {
				failure = failure == null ? underAnotherKey : failure;
			}
		}
		throw failure;
	}

	private static byte[] run(byte[] key, boolean encrypt, byte[] nonce, byte[] input) {
		GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
		byte[] out = new byte[cipher.getOutputSize(input.length)];
		int length = cipher.processBytes(input, 0, input.length, out, 0);
		try {
			length += cipher.doFinal(out, length);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("加密字段校验失败：数据可能被篡改或主密钥不一致", e);
		}
		return Arrays.copyOf(out, length);
	}

	/** Shows the first three and last four characters, as Chinese systems print phone numbers. */
	public static String mask(String value) {
		if (value == null || value.length() < 8) {
			return value == null ? null : "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}
}
