package org.liandong.assistance;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The city bureau directs a bureau to act on a case by a date (R2.7). */
public record NewDispatch(@NotNull(message = "请选择督办的案件") Long caseId,
		@NotBlank(message = "请选择承办单位") String agencyCode,
		@NotBlank(message = "请填写督办事项") @Size(max = 4000, message = "督办事项不能超过 4000 字") String instruction,
		@NotNull(message = "请填写办理期限") LocalDate dueOn) {
}
