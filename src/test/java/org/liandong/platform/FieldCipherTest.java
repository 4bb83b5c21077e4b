package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * Personal identifiers and secrets are stored SM4-encrypted and shown masked (DESIGN: Data); each
 * sealed value is bound to its place (issue 19). Known answers come from the standards: GB/T
 * 32907-2016 Appendix A for SM4, RFC 8998 Appendix A.1 for SM4-GCM, GB/T 32905-2016 Appendix A for
 * SM3; the key derivation is checked against RFC 5869's definition written out with HMAC-SM3.
 */
class FieldCipherTest {

	private static final HexFormat HEX = HexFormat.of();

	private static final String MOBILE = "user_account.mobile_cipher:xinhua.enforcer";

	private final FieldCipher cipher = new FieldCipher("a-master-key-for-the-test");

	@Test
	void round_trips_and_never_stores_the_plain_text() {
		String stored = cipher.encrypt("13903750101", MOBILE);

		assertThat(stored).doesNotContain("13903750101").startsWith("2:");
		assertThat(cipher.decrypt(stored, MOBILE)).isEqualTo("13903750101");
		assertThat(cipher.isCurrent(stored, MOBILE)).isTrue();
	}

	@Test
	void the_same_number_encrypts_differently_each_time() {
		assertThat(cipher.encrypt("13903750101", MOBILE)).isNotEqualTo(cipher.encrypt("13903750101", MOBILE));
	}

	@Test
	void a_value_altered_in_the_database_is_detected() {
		String stored = cipher.encrypt("13903750101", MOBILE);
		byte[] sealed = Base64.getDecoder().decode(stored.substring(2));
		sealed[sealed.length - 1] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt("2:" + Base64.getEncoder().encodeToString(sealed), MOBILE))
			.hasMessageContaining("被篡改");
	}

	@Test
	void a_value_moved_to_another_row_or_column_does_not_decrypt() {
		String stored = cipher.encrypt("13903750101", MOBILE);

		assertThatThrownBy(() -> cipher.decrypt(stored, "user_account.mobile_cipher:weidong.enforcer"))
			.hasMessageContaining("被移至他处");
		assertThatThrownBy(() -> cipher.decrypt(stored, "enforcement_case.party_id_cipher:新华区应急局案〔2026〕7号"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void another_master_key_cannot_read_it() {
		String stored = cipher.encrypt("13903750101", MOBILE);

		assertThatThrownBy(() -> new FieldCipher("another-master-key-entirely").decrypt(stored, MOBILE))
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
	void sm4_matches_the_standard_example() {
		// GB/T 32907-2016, appendix A, example 1: key = plain text = 0123456789abcdeffedcba9876543210
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		SM4Engine engine = new SM4Engine();
		engine.init(true, new KeyParameter(key));
		byte[] out = new byte[16];
		engine.processBlock(key, 0, out, 0);

		assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void sm4_gcm_as_the_field_cipher_runs_it_matches_rfc_8998() {
		// RFC 8998, appendix A.1 (SM4-GCM)
		byte[] key = HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");
		byte[] nonce = HEX.parseHex("00001234567800000000ABCD");
		byte[] aad = HEX.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
		byte[] plain = HEX.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
				+ "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
		String cipherText = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
				+ "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D";
		String tag = "83DE3541E4C2B58177E065A9BF7B62EC";

		byte[] sealed = FieldCipher.seal(key, nonce, aad, plain);

		assertThat(HEX.withUpperCase().formatHex(sealed)).isEqualTo(cipherText + tag);
		assertThat(FieldCipher.open(key, nonce, aad, sealed)).isEqualTo(plain);
	}

	@Test
	void the_key_is_hkdf_over_sm3_of_the_master_key() {
		// RFC 5869 section 2, written out with HMAC-SM3: PRK = HMAC(salt, IKM); OKM = T(1) = HMAC(PRK, info || 0x01)
		byte[] prk = hmacSm3("liandong-field-cipher".getBytes(StandardCharsets.UTF_8),
				"a-master-key-for-the-test".getBytes(StandardCharsets.UTF_8));
		byte[] info = "sm4-gcm-128 v2".getBytes(StandardCharsets.UTF_8);
		byte[] t1 = hmacSm3(prk, ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());

		assertThat(FieldCipher.derive("a-master-key-for-the-test")).isEqualTo(Arrays.copyOf(t1, 16));
	}

	@Test
	void a_value_written_before_issue_19_is_read_and_marked_for_writing_again() {
		// the earlier form: no prefix, key = the first 16 bytes of SM3("field-cipher:" + master key), no associated data
		byte[] legacyKey = Arrays.copyOf(Sm3.digest("field-cipher:a-master-key-for-the-test"
			.getBytes(StandardCharsets.UTF_8)), 16);
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		byte[] sealed = FieldCipher.seal(legacyKey, nonce, new byte[0], "13903750101".getBytes(StandardCharsets.UTF_8));
		String legacy = Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed)
			.array());

		assertThat(cipher.decrypt(legacy, MOBILE)).isEqualTo("13903750101");
		assertThat(cipher.isCurrent(legacy, MOBILE)).isFalse();
	}

	@Test
	void after_a_key_rotation_old_values_still_read_and_new_ones_use_the_new_key() {
		FieldCipher before = new FieldCipher("old-master-key-0123456789");
		String stored = before.encrypt("13903750101", MOBILE);
		FieldCipher rotated = new FieldCipher("new-master-key-9876543210", List.of("old-master-key-0123456789"));

		assertThat(rotated.decrypt(stored, MOBILE)).isEqualTo("13903750101");
		assertThat(rotated.isCurrent(stored, MOBILE)).as("to be written again under the new key").isFalse();
		String rewritten = rotated.encrypt("13903750101", MOBILE);
		assertThat(new FieldCipher("new-master-key-9876543210").decrypt(rewritten, MOBILE)).isEqualTo("13903750101");
		assertThatThrownBy(() -> before.decrypt(rewritten, MOBILE)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void rewriting_after_a_rotation_gives_a_value_the_new_key_alone_reads_and_leaves_current_ones() {
		String stored = new FieldCipher("old-master-key-0123456789").encrypt("13903750101", MOBILE);
		FieldCipher rotated = new FieldCipher("new-master-key-9876543210", List.of("old-master-key-0123456789"));

		String rewritten = rotated.rewritten(stored, MOBILE);

		assertThat(new FieldCipher("new-master-key-9876543210").decrypt(rewritten, MOBILE)).isEqualTo("13903750101");
		assertThat(rotated.rewritten(rewritten, MOBILE)).as("current already: nothing to write").isNull();
	}

	@Test
	void a_value_no_known_key_opens_is_refused_not_rewritten() {
		FieldCipher rotated = new FieldCipher("new-master-key-9876543210", List.of("old-master-key-0123456789"));
		String foreign = new FieldCipher("a-third-master-key-000000").encrypt("13903750101", MOBILE);

		for (String stored : List.of(foreign, "2:", "2:AAAA", "不是密文", "AAAA", "2:" + "A".repeat(40))) {
			assertThatThrownBy(() -> rotated.rewritten(stored, MOBILE)).as(stored)
				.isInstanceOf(IllegalStateException.class);
		}
	}

	private static byte[] hmacSm3(byte[] key, byte[] message) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(message, 0, message.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}
}
