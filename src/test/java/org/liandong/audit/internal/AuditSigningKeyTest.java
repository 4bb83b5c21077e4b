package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.springframework.mock.env.MockEnvironment;

/**
 * The key of the audit checkpoints (issue 19): required, never the demo's outside the demo, and the
 * only key, with the public keys of earlier ones listed, under which a checkpoint is trusted. The
 * other key here is the signature example's of GB/T 32918.5-2017, whose public key the standard gives.
 */
class AuditSigningKeyTest {

	static final String STANDARD_PRIVATE_KEY = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";

	static final String STANDARD_PUBLIC_KEY = ("04"
			+ "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
			+ "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13").toLowerCase();

	static final String NEW_KEY = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";

	@Test
	void without_a_key_the_application_does_not_start() {
		assertThatThrownBy(() -> key(" ", List.of(), "prod")).hasMessageContaining("未设置审计签名私钥")
			.hasMessageContaining("LIANDONG_AUDIT_SIGNING_KEY");
	}

	@Test
	void the_demo_key_serves_the_demo_only() {
		assertThat(key(AuditSigningKey.DEMO_KEY, List.of(), "demo").publicKey()).hasSize(130);
		assertThatThrownBy(() -> key(AuditSigningKey.DEMO_KEY, List.of(), "prod"))
			.hasMessageContaining("不得使用演示审计签名私钥");
	}

	@Test
	void a_key_that_is_no_sm2_private_key_is_refused() {
		assertThatThrownBy(() -> key("0", List.of(), "prod")).hasMessageContaining("审计签名私钥 LIANDONG_AUDIT_SIGNING_KEY 无效");
		assertThatThrownBy(() -> key("密钥", List.of(), "prod")).hasMessageContaining("无效");
	}

	@Test
	void the_public_key_is_the_one_the_standard_gives_for_its_private_key() {
		assertThat(key(STANDARD_PRIVATE_KEY, List.of(), "prod").publicKey()).isEqualTo(STANDARD_PUBLIC_KEY);
	}

	@Test
	void a_checkpoint_signed_with_another_key_is_trusted_only_while_that_keys_public_key_is_listed() {
		Checkpoint signedBefore = signed(key(STANDARD_PRIVATE_KEY, List.of(), "prod"), 7);

		assertThat(key(NEW_KEY, List.of(), "prod").problemWith(signedBefore)).isEqualTo(
				"第 7 号检查点不是以本系统的审计签名密钥签署的（公钥与配置的不符）：检查点系伪造");
		assertThat(key(NEW_KEY, List.of(STANDARD_PUBLIC_KEY.toUpperCase()), "prod").problemWith(signedBefore)).isNull();
	}

	@Test
	void a_checkpoint_whose_content_was_changed_after_signing_is_refused() {
		AuditSigningKey key = key(STANDARD_PRIVATE_KEY, List.of(), "prod");
		Checkpoint signed = signed(key, 7);
		Checkpoint moved = new Checkpoint(7, signed.lastSeq() + 1, signed.lastHash(), signed.signedAt(),
				signed.publicKey(), signed.signature());

		assertThat(key.problemWith(signed)).isNull();
		assertThat(key.problemWith(moved)).startsWith("第 7 号检查点的签名无效");
	}

	private static Checkpoint signed(AuditSigningKey key, long number) {
		Checkpoint unsigned = new Checkpoint(number, 120, "ab".repeat(32), Instant.parse("2026-12-05T06:50:00.120Z"),
				key.publicKey(), "");
		return new Checkpoint(number, 120, unsigned.lastHash(), unsigned.signedAt(), key.publicKey(),
				key.sign(unsigned.message()));
	}

	private static AuditSigningKey key(String privateKey, List<String> previous, String profile) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profile);
		return new AuditSigningKey(privateKey, previous, environment);
	}
}
