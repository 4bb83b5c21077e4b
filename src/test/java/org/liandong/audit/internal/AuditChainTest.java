package org.liandong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** X1: each link covers every field of its record and the previous link. */
class AuditChainTest {

	private static final Instant AT = Instant.parse("2026-11-25T08:00:00.123Z");

	private final String link = AuditChain.link(7, AT, "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499",
			"登记机构", "127.0.0.1", AuditChain.GENESIS);

	@Test
	void the_same_content_gives_the_same_link() {
		assertThat(AuditChain.link(7, AT, "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499", "登记机构",
				"127.0.0.1", AuditChain.GENESIS)).isEqualTo(link).hasSize(64);
	}

	@Test
	void changing_any_field_changes_the_link() {
		assertThat(AuditChain.link(7, AT, "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499", "登记机构！",
				"127.0.0.1", AuditChain.GENESIS)).isNotEqualTo(link);
		assertThat(AuditChain.link(8, AT, "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499", "登记机构",
				"127.0.0.1", AuditChain.GENESIS)).isNotEqualTo(link);
		assertThat(AuditChain.link(7, AT.plusMillis(1), "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499",
				"登记机构", "127.0.0.1", AuditChain.GENESIS)).isNotEqualTo(link);
	}

	@Test
	void moving_text_between_fields_changes_the_link() {
		assertThat(AuditChain.link(7, AT, "sysadmin4", "10400", "AGENCY_REGISTERED", "agency", "410499", "登记机构",
				"127.0.0.1", AuditChain.GENESIS)).isNotEqualTo(link);
	}

	@Test
	void an_absent_field_differs_from_an_empty_one() {
		assertThat(AuditChain.link(7, AT, "system", null, "X", null, null, null, null, AuditChain.GENESIS))
			.isNotEqualTo(AuditChain.link(7, AT, "system", "", "X", null, null, null, null, AuditChain.GENESIS));
	}

	@Test
	void the_link_depends_on_the_previous_one() {
		assertThat(AuditChain.link(7, AT, "sysadmin", "410400", "AGENCY_REGISTERED", "agency", "410499", "登记机构",
				"127.0.0.1", link)).isNotEqualTo(link);
	}
}
