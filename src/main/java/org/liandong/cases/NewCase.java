package org.liandong.cases;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an enforcer enters to register a case (R2.1). The host is proposed by territorial hosting
 * (R2.2); {@code hostAgencyCode} left empty accepts the proposal, another agency overrides it and
 * then needs {@code hostOverrideReason}.
 */
public record NewCase(
		@NotNull(message = "请选择当事人类型") PartyKind partyKind,
		@NotBlank(message = "请填写当事人名称") @Size(max = 200, message = "当事人名称不能超过 200 个字") String partyName,
		String partyUscc,
		String partyIdNumber,
		@NotNull(message = "请选择当事人的监管层级") SupervisionLevel supervisionLevel,
		@NotBlank(message = "请选择案件发生地")
		@Pattern(regexp = "^\\d{6}$", message = "案件发生地的行政区划代码应为 6 位数字") String divisionCode,
		@NotBlank(message = "请填写违法类型") @Size(max = 100, message = "违法类型不能超过 100 个字") String violationType,
		@NotNull(message = "请选择案件类别（一般或重大）") Severity severity,
		@Size(max = 4000, message = "案情简介不能超过 4000 个字") String summary,
		@PastOrPresent(message = "案发日期不能晚于今天") LocalDate occurredOn,
		String hostAgencyCode,
		@Size(max = 500, message = "改变主办机构的理由不能超过 500 个字") String hostOverrideReason,
		List<String> participantCodes) {
}
