package org.liandong.agency.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liandong.platform.DomainException;

/** Password complexity of the level-3 standard: length 8 or more, three character classes or more. */
class PasswordPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "Liandong@2026", "abcDEF12", "abc-def-12", "ABC_DEF_gh" })
	void accepts_long_passwords_of_three_classes(String password) {
		assertThatCode(() -> PasswordPolicy.check(password, "xinhua.enforcer")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ab1@", "abcdefgh", "abcdefg1", "ABCDEFG1", "12345678!" })
	void refuses_short_passwords_or_fewer_than_three_classes(String password) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, "someone")).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("密码");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Xinhua.Enforcer1", "my-xinhua.enforcer-A1" })
	void refuses_a_password_containing_the_username(String password) {
		assertThatThrownBy(() -> PasswordPolicy.check(password, "xinhua.enforcer")).hasMessage("密码不能包含用户名");
	}
}
