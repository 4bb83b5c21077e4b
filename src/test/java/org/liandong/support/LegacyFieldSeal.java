package org.liandong.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** A sealed field as it was stored before issue 19, written here without the application's cipher. */
public final class LegacyFieldSeal {

	private LegacyFieldSeal() {
	}

	/**
	 * The form before issue 19: Base64(nonce || SM4-GCM ciphertext and tag) under the first 16 bytes
	 * of SM3("field-cipher:" + master key), with no associated data; sealed with Bouncy Castle here.
	 */
	public static String seal(String masterKey, String value) {
		SM3Digest sm3 = new SM3Digest();
		byte[] input = ("field-cipher:" + masterKey).getBytes(StandardCharsets.UTF_8);
		sm3.update(input, 0, input.length);
		byte[] hash = new byte[32];
		sm3.doFinal(hash, 0);
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(true, new AEADParameters(new KeyParameter(Arrays.copyOf(hash, 16)), 128, nonce, new byte[0]));
		byte[] plain = value.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[gcm.getOutputSize(plain.length)];
		int length = gcm.processBytes(plain, 0, plain.length, out, 0);
		try {
			length += gcm.doFinal(out, length);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException(e);
		}
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + length).put(nonce).put(out, 0, length).array());
	}
}
