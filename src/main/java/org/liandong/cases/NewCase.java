package org.liandong.cases;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

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
		@Schema(description = "统一社会信用代码（GB 32100-2015）：18 位，不含 I、O、S、V、Z，第 18 位为校验码；小写字母按大写处理", pattern = "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$", example = "91410402MA44JC1W0Y")
		String partyUscc,
		@Schema(description = "公民身份号码（GB 11643-1999）：18 位，第 18 位为校验码（0–9 或 X）", pattern = "^\\d{17}[\\dXx]$", example = "410402198506120032")
		String partyIdNumber,
		@NotNull(message = "请选择当事人的监管层级") SupervisionLevel supervisionLevel,
		@NotBlank(message = "请选择案件发生地")
		@Pattern(regexp = "^\\d{6}$", message = "案件发生地的行政区划代码应为 6 位数字")
		@Schema(description = "行政区划代码（GB/T 2260）", example = "410402") String divisionCode,
		@NotBlank(message = "请填写违法类型") @Size(max = 100, message = "违法类型不能超过 100 个字") String violationType,
		@NotNull(message = "请选择案件类别（一般或重大）") Severity severity,
		@Size(max = 4000, message = "案情简介不能超过 4000 个字") String summary,
		@PastOrPresent(message = "案发日期不能晚于今天") LocalDate occurredOn,
		String hostAgencyCode,
		@Size(max = 500, message = "改变主办机构的理由不能超过 500 个字") String hostOverrideReason,
		List<String> participantCodes) {
}
