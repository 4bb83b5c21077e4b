package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Personal identifiers are stored SM4-encrypted and shown masked (DESIGN: Data). */
class FieldCipherTest {

	private final FieldCipher cipher = new FieldCipher("a-master-key-for-the-test");

	@Test
	void round_trips_and_never_stores_the_plain_text() {
		String stored = cipher.encrypt("13903750101");

		assertThat(stored).doesNotContain("13903750101");
		assertThat(cipher.decrypt(stored)).isEqualTo("13903750101");
	}

	@Test
	void the_same_number_encrypts_differently_each_time() {
		assertThat(cipher.encrypt("13903750101")).isNotEqualTo(cipher.encrypt("13903750101"));
	}

	@Test
	void a_value_altered_in_the_database_is_detected() {
		byte[] stored = Base64.getDecoder().decode(cipher.encrypt("13903750101"));
		stored[stored.length - 1] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(stored)))
			.hasMessageContaining("被篡改");
	}

	@Test
	void another_master_key_cannot_read_it() {
		String stored = cipher.encrypt("13903750101");

		assertThatThrownBy(() -> new FieldCipher("another-master-key-entirely").decrypt(stored))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void a_short_master_key_is_refused() {
		assertThatThrownBy(() -> new FieldCipher("short")).hasMessageContaining("至少需要 16 个字符");
	}

	@Test
	void masks_phone_numbers_the_chinese_way() {
		assertThat(FieldCipher.mask("13903750101")).isEqualTo("139****0101");
		assertThat(FieldCipher.mask(null)).isNull();
	}

	@Test
	void sm3_matches_the_standard_test_vector() {
		// GB/T 32905-2016, appendix A.1: SM3("abc")
		assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void after_a_key_rotation_old_values_still_read_and_new_ones_use_the_new_key() {
		FieldCipher before = new FieldCipher("old-master-key-0123456789");
		String stored = before.encrypt("13903750101");
		FieldCipher rotated = new FieldCipher("new-master-key-9876543210", java.util.List.of("old-master-key-0123456789"));

		assertThat(rotated.decrypt(stored)).isEqualTo("13903750101");
		String rewritten = rotated.encrypt("13903750101");
		assertThat(new FieldCipher("new-master-key-9876543210").decrypt(rewritten)).isEqualTo("13903750101");
		assertThatThrownBy(() -> before.decrypt(rewritten)).isInstanceOf(IllegalStateException.class);
	}
}
