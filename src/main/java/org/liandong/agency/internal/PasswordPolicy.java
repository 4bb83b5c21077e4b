package org.liandong.agency.internal;

import org.liandong.platform.DomainException;

/**
 * Password complexity of the level-3 protection standard: at least 8 characters from at least
 * three of the four classes (upper case, lower case, digits, other characters).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw weak("密码长度至少 %d 位".formatted(MIN_LENGTH));
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
