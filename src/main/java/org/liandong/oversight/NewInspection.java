package org.liandong.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An inspection as the inspectors write it down (R8.1, R2.6): when, who, the checklist with the
 * points of each item, what they found, and what the inspected bureau must rectify by when. The
 * total score is the sum of the checklist, never typed.
 *
 * @param inspectedAgencyCode the county bureau inspected; for a mutual inspection it follows from
 *        the campaign's assignment and may be left out
 * @param rectifications may be empty when nothing needs rectifying
 */
public record NewInspection(String inspectedAgencyCode,
		@NotNull(message = "请填写检查日期") LocalDate inspectedOn,
		@NotEmpty(message = "请填写检查人员") @Size(max = 20, message = "检查人员不能超过 20 人")
		List<@NotBlank(message = "检查人员姓名不能为空") @Size(max = 32, message = "检查人员姓名不能超过 32 字") String> inspectors,
		@NotEmpty(message = "请至少填写一项检查内容及其分值") @Size(max = 30, message = "检查内容不能超过 30 项")
		List<@NotNull(message = "检查内容不能为空") @Valid CheckItem> checklist,
		@NotBlank(message = "请填写检查发现的问题；未发现问题的，写明“未发现问题”") @Size(max = 8000, message = "检查发现不能超过 8000 字") String findings,
		@Size(max = 30, message = "整改事项不能超过 30 项")
		List<@NotNull(message = "整改事项不能为空") @Valid Rectification> rectifications) {

	/** One line of the checklist, e.g. 案卷质量, 30 points, 26.5 awarded. */
	public record CheckItem(
			@NotBlank(message = "请填写检查项目名称") @Size(max = 100, message = "检查项目名称不能超过 100 字") String name,
			@NotNull(message = "请填写检查项目的分值") @DecimalMin(value = "0.5", message = "检查项目的分值应大于 0")
			@DecimalMax(value = "1000", message = "检查项目的分值不能超过 1000 分")
			@Digits(integer = 4, fraction = 1, message = "分值最多保留一位小数") BigDecimal maxScore,
			@NotNull(message = "请填写得分") @DecimalMin(value = "0", message = "得分不能为负数")
			@Digits(integer = 4, fraction = 1, message = "得分最多保留一位小数") BigDecimal score) {
	}

	/** Something the inspected bureau must put right, and the day by which (until 24:00 of it). */
	public record Rectification(
			@NotBlank(message = "请填写整改事项") @Size(max = 1000, message = "整改事项不能超过 1000 字") String item,
			@NotNull(message = "请填写整改期限") LocalDate dueOn) {
	}
}
