package org.liandong.operations;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An operation as its organiser plans it (issue 22): theme and legal basis, the period, the area
 * (divisions), the other units taking part (bureaus and registered departments) and the lead unit.
 *
 * @param leadAgencyCode the organiser or one of the participants; the organiser when left out
 */
public record NewJointOperation(
		@NotBlank(message = "请填写行动主题") @Size(max = 200, message = "行动主题不能超过 200 字") String theme,
		@NotBlank(message = "请填写执法依据") @Size(max = 1000, message = "执法依据不能超过 1000 字") String legalBasis,
		@NotNull(message = "请填写行动开始日期") LocalDate startsOn,
		@NotNull(message = "请填写行动结束日期") LocalDate endsOn,
		@NotEmpty(message = "请选择行动区域（至少一个行政区划）") @Size(max = 50, message = "行动区域不能超过 50 个区划")
		List<@NotBlank(message = "区划代码不能为空") String> divisionCodes,
		@NotEmpty(message = "请选择参加单位（至少一个其他单位）") @Size(max = 50, message = "参加单位不能超过 50 个")
		List<@NotBlank(message = "参加单位代码不能为空") String> participantCodes,
		@Size(max = 32, message = "牵头单位代码不能超过 32 个字符") String leadAgencyCode) {
}
