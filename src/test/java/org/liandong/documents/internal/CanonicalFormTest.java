package org.liandong.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liandong.documents.DocumentKind;
import org.liandong.platform.Sm2;

/**
 * Issue 12, GB/T 39786-2021 §8.4: the canonical form a document's SM2 signature is made over, and
 * the signature itself.
 */
class CanonicalFormTest {

	static final Instant AT = Instant.parse("2026-11-26T02:26:07.123Z");

	@Test
	void fields_are_length_prefixed_in_utf8_bytes_and_time_is_utc_to_the_second() {
		String form = CanonicalForm.document(DocumentKind.ASSISTANCE_LETTER, "新华应急协〔2026〕7号", "410402",
				"平顶山市新华区应急管理局", "平顶山市卫东区应急管理局", "标题", "第一段\n第二段", AT);
		assertThat(form).startsWith("liandong-document:1\nkind:17:ASSISTANCE_LETTER\n")
			.contains("number:" + "新华应急协〔2026〕7号".getBytes(StandardCharsets.UTF_8).length + ":新华应急协〔2026〕7号\n")
			.contains("body:19:第一段\n第二段\n")
			.endsWith("issuedAt:20:2026-11-26T02:26:07Z\n");
	}

	@Test
	void moving_text_between_fields_changes_the_digest() {
		String a = CanonicalForm.document(DocumentKind.DISPATCH_NOTICE, "平应急督〔2026〕1号", "410400", "市局", "甲",
				"标题\nbody:1:x", "正文", AT);
		String b = CanonicalForm.document(DocumentKind.DISPATCH_NOTICE, "平应急督〔2026〕1号", "410400", "市局", "甲",
				"标题", "x\nbody:2:正文", AT);
		assertThat(CanonicalForm.digest(a)).isNotEqualTo(CanonicalForm.digest(b)).hasSize(64);
	}

	@Test
	void a_signature_verifies_with_its_own_key_only_and_not_over_other_bytes() {
		Sm2.KeyPair mine = Sm2.generate();
		Sm2.KeyPair other = Sm2.generate();
		byte[] message = "摘要".getBytes(StandardCharsets.UTF_8);
		String signature = Sm2.sign(mine, message);
		assertThat(mine.publicKey()).startsWith("04").hasSize(130);
		assertThat(Sm2.verify(mine.publicKey(), message, signature)).isTrue();
		assertThat(Sm2.verify(other.publicKey(), message, signature)).isFalse();
		assertThat(Sm2.verify(mine.publicKey(), "摘要!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		assertThat(Sm2.verify(mine.publicKey(), message, "不是签名")).isFalse();
	}
}
