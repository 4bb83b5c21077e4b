package org.liandong.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * A draw made again as the platform publishes its rule (双随机, issue 22), written anew over Bouncy
 * Castle's SM3 rather than the platform's: the i-th number is the first eight bytes of SM3("seed:i"),
 * unsigned; a shuffle is Fisher–Yates from the end, j = r(i) mod (k+1).
 */
public final class IndependentDraw {

	private final String seed;
	private long i;

	public IndependentDraw(String seed) {
		this.seed = seed;
	}

	long next() {
		byte[] input = (seed + ":" + i++).getBytes(StandardCharsets.UTF_8);
		SM3Digest sm3 = new SM3Digest();
		sm3.update(input, 0, input.length);
		byte[] out = new byte[32];
		sm3.doFinal(out, 0);
		return ByteBuffer.wrap(out, 0, 8).getLong();
	}

	public <T> List<T> shuffled(List<T> pool) {
		List<T> list = new ArrayList<>(pool);
		for (int k = list.size() - 1; k >= 1; k--) {
			Collections.swap(list, k, (int) Long.remainderUnsigned(next(), k + 1));
		}
		return list;
	}
}
