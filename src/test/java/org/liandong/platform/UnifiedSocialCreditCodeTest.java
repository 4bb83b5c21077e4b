package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 (R2.1, R4.3): the check character of a unified social credit code. */
class UnifiedSocialCreditCodeTest {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "914403001922038216", "91110000802100433B" })
	void accepts_published_codes(String code) {
		assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
	}

	@Test
	void accepts_a_code_as_typed_in_lower_case_with_blanks() {
		assertThat(UnifiedSocialCreditCode.of(" 91110000802100433b ").value()).isEqualTo("91110000802100433B");
	}

	@Test
	void a_wrong_check_character_is_refused_naming_the_right_one() {
		assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y44"))
			.isInstanceOf(DomainException.class)
			.hasMessage("统一社会信用代码 91350100M000100Y44 的校验码错误：第 18 位应为“3”，请核对后重新输入");
	}

	@Test
	void letters_outside_the_set_are_refused() {
		assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100O000100Y43")).hasMessageContaining("第 9 位“O”");
	}

	@Test
	void a_code_of_the_wrong_length_is_refused() {
		assertThatThrownBy(() -> new UnifiedSocialCreditCode("9135010")).hasMessage("统一社会信用代码应为 18 位");
	}
}
