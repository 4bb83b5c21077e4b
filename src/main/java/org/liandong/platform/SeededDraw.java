package org.liandong.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The random numbers of a draw that anyone can make again (双随机, issue 22): the i-th number is the
 * first eight bytes of SM3 over the UTF-8 text {@code seed:i}, read as an unsigned big-endian number;
 * a number below {@code n} is that number modulo {@code n}; a shuffle is Fisher–Yates from the end.
 * The seed is published with what was drawn from, so the result can be checked ({@link #ALGORITHM}).
 */
public final class SeededDraw implements RandomGenerator {

	/** The rule in words, published with every draw. */
	public static final String ALGORITHM = """
			r(i) = SM3(UTF-8 的 "种子:i") 的前 8 字节（无符号、大端），i 从 0 起连续计数；小于 n 的随机数为 r(i) mod n；\
			洗牌为 Fisher–Yates：k 从 n-1 到 1，j = r(i) mod (k+1)，交换第 k 与第 j 项。""";

	private static final SecureRandom SEEDS = new SecureRandom();

	private final String seed;
	private long counter;

	public SeededDraw(String seed) {
		this.seed = seed;
	}

	/** A new seed of 32 hexadecimal digits. */
	public static String newSeed() {
		byte[] bytes = new byte[16];
		SEEDS.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public String seed() {
		return seed;
	}

	@Override
	public long nextLong() {
		byte[] digest = Sm3.digest((seed + ":" + counter++).getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest, 0, 8).getLong();
	}

	/** r(i) mod bound, as {@link #ALGORITHM} states (not the default of {@link RandomGenerator}). */
	@Override
	public int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive: " + bound);
		}
		return (int) Long.remainderUnsigned(nextLong(), bound);
	}

	/** The pool shuffled: Fisher–Yates from the end, one number per swap. */
	public <T> List<T> shuffled(List<T> pool) {
		List<T> list = new ArrayList<>(pool);
		for (int k = list.size() - 1; k >= 1; k--) {
			Collections.swap(list, k, nextInt(k + 1));
		}
		return list;
	}
}
