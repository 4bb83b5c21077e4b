package org.liandong.instruments;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new agreement or memorandum: its parties (the drafting agency among them), text and term;
 * for an agreement, optionally the working days within which its parties accept and answer each
 * other's assistance requests (R3.2).
 */
public record NewInstrument(@NotNull(message = "请选择文书类型") InstrumentKind kind,
		@NotBlank(message = "请填写标题") @Size(max = 200, message = "标题不能超过 200 字") String title,
		@NotBlank(message = "请填写适用范围") @Size(max = 2000, message = "适用范围不能超过 2000 字") String scope,
		@NotBlank(message = "请填写正文") @Size(max = 60000, message = "正文不能超过 60000 字") String text,
		@NotNull(message = "请选择参加单位") List<String> partyCodes,
		@NotNull(message = "请填写生效日期") LocalDate effectiveFrom,
		@NotNull(message = "请填写截止日期") LocalDate effectiveUntil,
		@Min(value = 1, message = "受理时限至少 1 个工作日") @Max(value = 30, message = "受理时限不超过 30 个工作日") Integer acceptWorkingDays,
		@Min(value = 1, message = "答复时限至少 1 个工作日") @Max(value = 120, message = "答复时限不超过 120 个工作日") Integer answerWorkingDays) {
}
