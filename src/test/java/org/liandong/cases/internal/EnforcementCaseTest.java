package org.liandong.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.DomainException;

/** R2.1: a case moves forward one step at a time; the agencies on it and what each may do. */
class EnforcementCaseTest {

	private static final Editor ENFORCER = new Editor("xinhua.enforcer", "王志强", "410402", "新华区应急局");

	private final EnforcementCase registered = EnforcementCase.register(new EnforcementCase.Registration(
			"新华区应急局案〔2026〕1号", "410402", 2026, 1, PartyKind.ENTERPRISE, "某某化工有限公司", "91350100M000100Y43", null,
			null, null, SupervisionLevel.COUNTY, "410403", "未按规定开展安全教育培训", Severity.GENERAL, null, null, "410403",
			"410403", null), List.of("410404"), ENFORCER, Instant.EPOCH);

	@Test
	void a_case_registered_for_another_place_is_led_there_with_the_registrar_assisting() {
		assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
		assertThat(registered.involves("410403")).isTrue();
		assertThat(registered.involves("410402")).isTrue();
		assertThat(registered.involves("410404")).isTrue();
		assertThat(registered.involves("410411")).isFalse();
		assertThat(registered.editableBy("410403")).isTrue();
		assertThat(registered.editableBy("410402")).isTrue();
		assertThat(registered.editableBy("410404")).as("an assisting agency reads, it does not edit").isFalse();
	}

	@Test
	void the_status_moves_to_the_next_step() {
		List<String> changes = registered.apply(change(CaseStatus.INVESTIGATING), ENFORCER, Instant.EPOCH, code -> code);

		assertThat(changes).containsExactly("状态由“已立案”改为“调查取证”");
		assertThat(registered.status()).isEqualTo(CaseStatus.INVESTIGATING);
		assertThat(registered.lastChangedByName()).isEqualTo("王志强（新华区应急局）");
	}

	@Test
	void the_status_cannot_skip_a_step() {
		assertThatThrownBy(() -> registered.apply(change(CaseStatus.CLOSED), ENFORCER, Instant.EPOCH, code -> code))
			.isInstanceOf(DomainException.class)
			.hasMessage("案件状态只能由“已立案”推进到下一步，不能改为“已结案”");
		assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
	}

	@Test
	void an_edit_that_changes_nothing_records_nothing() {
		assertThat(registered.apply(change(CaseStatus.REGISTERED), ENFORCER, Instant.EPOCH, code -> code)).isEmpty();
	}

	@Test
	void an_empty_summary_from_a_form_is_no_change_when_there_was_none() {
		assertThat(registered.apply(new CaseChange(0L, null, null, null, "  ", null), ENFORCER, Instant.EPOCH,
				code -> code)).isEmpty();
	}

	private static CaseChange change(CaseStatus status) {
		return new CaseChange(0L, status, null, null, null, null);
	}
}
