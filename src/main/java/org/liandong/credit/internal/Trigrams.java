package org.liandong.credit.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Name similarity as PostgreSQL's pg_trgm computes it (R4.3, issue 21): each word of the lower-cased
 * text (a run of letters or digits; a Chinese name is one word) padded with two spaces before and
 * one after, cut into its three-character pieces; the similarity of two texts is the pieces they
 * share over all the pieces of both. On PostgreSQL the database computes it with pg_trgm; on the
 * embedded H2 database this method is the SQL function {@code similarity} (db/vendor/h2), so a name
 * check finds the same similar names on both. Public only because H2 calls it by reflection.
 */
public final class Trigrams {

	/** pg_trgm's default {@code similarity_threshold}: what its {@code %} operator calls similar. */
	static final double THRESHOLD = 0.3;

	private Trigrams() {
	}

	public static double similarity(String a, String b) {
		if (a == null || b == null) {
			return 0;
		}
		Set<String> left = of(a);
		Set<String> right = of(b);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(left);
		shared.retainAll(right);
		// pg_trgm computes in single precision
		return (float) shared.size() / (float) (left.size() + right.size() - shared.size());
	}

	static Set<String> of(String text) {
		Set<String> trigrams = new HashSet<>();
		StringBuilder word = new StringBuilder();
		text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(c);
			}
			else {
				add(trigrams, word);
			}
		});
		add(trigrams, word);
		return trigrams;
	}

	private static void add(Set<String> trigrams, StringBuilder word) {
		if (word.isEmpty()) {
			return;
		}
		int[] padded = ("  " + word + " ").codePoints().toArray();
		for (int i = 0; i + 3 <= padded.length; i++) {
			trigrams.add(new String(padded, i, 3));
		}
		word.setLength(0);
	}
}
