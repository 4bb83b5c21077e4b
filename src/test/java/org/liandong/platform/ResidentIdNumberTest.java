package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GB 11643-1999 (R2.1): a person's ID-card number, its check character and its masked form. */
class ResidentIdNumberTest {

	@Test
	void accepts_the_example_of_the_standard() {
		assertThat(new ResidentIdNumber("11010519491231002X").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void shows_only_the_first_six_and_last_four() {
		assertThat(ResidentIdNumber.of("11010519491231002x").masked()).isEqualTo("110105********002X");
	}

	@Test
	void a_wrong_check_digit_is_refused() {
		assertThatThrownBy(() -> new ResidentIdNumber("110105194912310021"))
			.hasMessage("公民身份号码校验码错误：末位应为“X”，请核对后重新输入");
	}

	@Test
	void an_impossible_birth_date_is_refused() {
		assertThatThrownBy(() -> new ResidentIdNumber("110105194902310021")).hasMessageContaining("出生日期 19490231 无效");
	}

	@Test
	void letters_inside_are_refused() {
		assertThatThrownBy(() -> new ResidentIdNumber("1101051949123100AX")).hasMessageContaining("18 位");
	}
}
