package org.liandong.platform;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** SM3 digests (GB/T 32905-2016), the hash the commercial-cryptography rules ask for. */
public final class Sm3 {

	private Sm3() {
	}

	public static byte[] digest(byte[] input) {
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	/** Lower-case hex of the SM3 digest of the UTF-8 bytes of {@code text}. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex of the SM3 digest of {@code content}, as stored beside a file. */
	public static String hex(byte[] content) {
		return Hex.toHexString(digest(content));
	}
}
