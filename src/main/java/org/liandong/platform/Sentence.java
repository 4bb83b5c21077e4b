package org.liandong.platform;

/**
 * A text people typed, set into a message as one sentence: ended with 。 unless it already ends a
 * sentence, so "议程：审议年度计划。" never reads 。。 (issue 21).
 */
public final class Sentence {

	private static final String ENDINGS = "。！？；….!?;";

	private Sentence() {
	}

	public static String of(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty() || ENDINGS.indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
			return trimmed;
		}
		return trimmed + "。";
	}
}
