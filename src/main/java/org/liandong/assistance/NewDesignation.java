package org.liandong.assistance;

import java.time.LocalDate;
import java.util.List;

import org.liandong.cases.ParticipantRole;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The legal office's designation (R2.5): one lead (主办) agency, or two or more joint (合办)
 * agencies, and any assisting (协办) agencies, each with its task and deadline.
 */
public record NewDesignation(
		@NotBlank(message = "请填写指定管辖的意见和要求") @Size(max = 4000, message = "意见和要求不能超过 4000 字") String instructions,
		@NotEmpty(message = "请指定主办或合办单位") List<@Valid Party> parties, Long version) {

	public record Party(@NotBlank(message = "请选择单位") String agencyCode, @NotNull(message = "请选择承办方式") ParticipantRole role,
			@NotBlank(message = "请填写该单位的任务") @Size(max = 2000, message = "任务不能超过 2000 字") String task,
			@NotNull(message = "请填写办理期限") LocalDate dueOn) {
	}
}
