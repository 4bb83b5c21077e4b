package org.liandong.identity.internal;

import java.nio.charset.StandardCharsets;

import org.liandong.platform.DomainException;

/**
 * Password complexity of the level-3 protection standard: at least 8 characters from at least
 * three of the four classes (upper case, lower case, digits, other characters).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	/** A new password differs from this many of the last ones, the current one included. */
	static final int HISTORY = 5;

	/** bcrypt reads at most 72 bytes; a longer password is refused rather than silently cut. */
	static final int MAX_LENGTH = 64;

	/** Published with the demo installation, so never acceptable for a real account. */
	static final String DEMO_PASSWORD = "Liandong@2026";

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw weak("密码长度至少 %d 位".formatted(MIN_LENGTH));
		}
		if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw weak("密码过长：不能超过 %d 个字符（汉字按 3 个字节计，总长不超过 72 字节）".formatted(MAX_LENGTH));
		}
		if (password.equals(DEMO_PASSWORD)) {
			throw weak("该密码是公开的演示密码，不能使用");
		}
		if (classes(password) < 3) {
			throw weak("密码须包含大写字母、小写字母、数字、其他字符中的至少三类");
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			throw weak("密码不能包含用户名");
		}
	}

	static int classes(String password) {
		boolean upper = password.chars().anyMatch(Character::isUpperCase);
		boolean lower = password.chars().anyMatch(Character::isLowerCase);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static DomainException weak(String why) {
		return DomainException.invalid("weak-password", why);
	}
}
