package org.liandong.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liandong.platform.DomainException;

/** Password complexity of the level-3 standard: length 8 or more, three character classes or more. */
class PasswordPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "Qiyong#2026", "abcDEF12", "abc-def-12", "ABC_DEF_gh" })
	void accepts_long_passwords_of_three_classes(String password) {
		assertThatCode(() -> PasswordPolicy.check(password, "xinhua.enforcer")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ab1@", "abcdefgh", "abcdefg1", "ABCDEFG1", "12345678!" })
	void refuses_short_passwords_or_fewer_than_three_classes(String password) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, "someone")).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("密码");
	}

	@Test
	void refuses_the_published_demo_password() {
		assertThatThrownBy(() -> PasswordPolicy.check("Liandong@2026", "someone")).hasMessageContaining("演示密码");
	}

	@Test
	void refuses_a_password_bcrypt_would_cut() {
		// 25 Chinese characters are 75 UTF-8 bytes; bcrypt reads 72
		String longChinese = "应急管理跨区域执法联动协作机制平台密码".repeat(2).substring(0, 25) + "A1";

		assertThatThrownBy(() -> PasswordPolicy.check(longChinese, "someone")).hasMessageContaining("密码过长");
		assertThatThrownBy(() -> PasswordPolicy.check("Aa1-".repeat(17), "someone")).hasMessageContaining("密码过长");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Xinhua.Enforcer1", "my-xinhua.enforcer-A1" })
	void refuses_a_password_containing_the_username(String password) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, "xinhua.enforcer")).hasMessage("密码不能包含用户名");
	}
}
