package org.liandong.platform;

/**
 * The unified social credit code of an enterprise or other organisation (统一社会信用代码,
 * GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, S, V,
 * Z); the 18th is a check character computed from weighted positions 1 to 17.
 */
public record UnifiedSocialCreditCode(String value) {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public UnifiedSocialCreditCode {
		String problem = problem(value);
		if (problem != null) {
			throw DomainException.invalid("invalid-uscc", problem);
		}
	}

	/** Parses a code as typed: surrounding blanks removed, lower case accepted. */
	public static UnifiedSocialCreditCode of(String typed) {
		return new UnifiedSocialCreditCode(typed == null ? null : typed.trim().toUpperCase());
	}

	/** Why the text is not a valid code, in Chinese, or {@code null} when it is. */
	public static String problem(String value) {
		if (value == null || value.length() != 18) {
			return "统一社会信用代码应为 18 位";
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(value.charAt(i)) < 0) {
				return "统一社会信用代码第 %d 位“%c”不是有效字符（不使用 I、O、S、V、Z）".formatted(i + 1, value.charAt(i));
			}
		}
		char expected = checkCharacter(value);
		if (value.charAt(17) != expected) {
			return "统一社会信用代码 %s 的校验码错误：第 18 位应为“%c”，请核对后重新输入".formatted(value, expected);
		}
		return null;
	}

	/** The check character for the first 17 characters. */
	public static char checkCharacter(String code) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		return CHARSET.charAt((31 - sum % 31) % 31);
	}

	@Override
	public String toString() {
		return value;
	}
}
