package org.liandong.operations;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A team of inspectors from several units (issue 22), the unit answering for it, its dates and the
 * targets it inspects.
 *
 * @param leadAgencyCode the unit that answers for the team's targets; it must have a member in the team
 */
public record NewTeam(
		@NotBlank(message = "请填写检查组名称") @Size(max = 100, message = "检查组名称不能超过 100 字") String name,
		@NotBlank(message = "请选择检查组的负责单位") String leadAgencyCode,
		@NotNull(message = "请填写检查开始日期") LocalDate inspectFrom,
		@NotNull(message = "请填写检查结束日期") LocalDate inspectTo,
		@NotEmpty(message = "请填写检查组成员") @Size(max = 30, message = "检查组成员不能超过 30 人")
		List<@NotNull(message = "成员不能为空") @Valid Member> members,
		@Size(max = 500, message = "一个检查组最多 500 个检查对象") List<@NotNull(message = "检查对象不能为空") Long> targetIds) {

	/** A person of a unit, as the unit named them on confirming. */
	public record Member(@NotBlank(message = "请选择成员所在单位") String agencyCode,
			@NotBlank(message = "成员姓名不能为空") @Size(max = 32, message = "成员姓名不能超过 32 字") String name) {
	}
}
