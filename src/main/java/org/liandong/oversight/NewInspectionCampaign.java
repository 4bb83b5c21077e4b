package org.liandong.oversight;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A mutual inspection campaign as the city bureau plans it (R2.6): title, year, period (in words,
 * e.g. 第四季度, 10月至11月) and the county bureaus of its city taking part, at least two.
 */
public record NewInspectionCampaign(
		@NotBlank(message = "请填写互查名称") @Size(max = 100, message = "互查名称不能超过 100 字") String title,
		@NotNull(message = "请填写年度") @Min(value = 2000, message = "年度应在 2000 至 2100 之间")
		@Max(value = 2100, message = "年度应在 2000 至 2100 之间") Integer year,
		@NotBlank(message = "请填写互查期间") @Size(max = 100, message = "互查期间不能超过 100 字") String period,
		List<String> bureauCodes) {
}
