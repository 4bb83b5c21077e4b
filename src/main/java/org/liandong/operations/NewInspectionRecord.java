package org.liandong.operations;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The record of the inspection of one target, as written in the field (issue 22): who was present,
 * the checklist, the hazards found, the measures ordered and the inspectors' signatures.
 */
public record NewInspectionRecord(
		@NotNull(message = "请填写检查时间") Instant inspectedAt,
		@NotBlank(message = "请填写在场人员（企业负责人等）") @Size(max = 1000, message = "在场人员不能超过 1000 字") String presentPersons,
		@NotEmpty(message = "请至少填写一项检查项目") @Size(max = 60, message = "检查项目不能超过 60 项")
		List<@NotNull(message = "检查项目不能为空") @Valid Item> items,
		@Size(max = 30, message = "隐患不能超过 30 项") List<@NotNull(message = "隐患不能为空") @Valid Hazard> hazards,
		@NotBlank(message = "请填写责令采取的措施；无需措施的，写明“无”") @Size(max = 4000, message = "措施不能超过 4000 字") String measures,
		@NotEmpty(message = "请检查人员签名") @Size(max = 30, message = "签名不能超过 30 人")
		List<@NotBlank(message = "签名不能为空") @Size(max = 32, message = "签名不能超过 32 字") String> signatures) {

	/** One line of the checklist and what the inspectors found on it. */
	public record Item(@NotBlank(message = "请填写检查项目") @Size(max = 200, message = "检查项目不能超过 200 字") String item,
			@NotNull(message = "请选择检查结果") ItemOutcome outcome,
			@Size(max = 1000, message = "检查情况说明不能超过 1000 字") String note) {
	}

	/** A hazard found: what, how serious, where. */
	public record Hazard(
			@NotBlank(message = "请描述隐患") @Size(max = 2000, message = "隐患描述不能超过 2000 字") String description,
			@NotNull(message = "请选择隐患等级") HazardLevel level,
			@NotBlank(message = "请填写隐患位置") @Size(max = 300, message = "隐患位置不能超过 300 字") String location) {
	}
}
