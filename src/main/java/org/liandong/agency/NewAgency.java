package org.liandong.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to register an agency (R1.1, R1.2). */
public record NewAgency(
		@NotBlank(message = "请填写机构代码")
		@Pattern(regexp = "^[0-9A-Za-z][0-9A-Za-z.\\-]{1,31}$", message = "机构代码只能由字母、数字、点和连字符组成，长度 2–32 位")
		String code,
		@NotBlank(message = "请填写机构名称") @Size(max = 128, message = "机构名称不能超过 128 个字") String name,
		@NotBlank(message = "请填写机构简称") @Size(max = 32, message = "机构简称不能超过 32 个字") String shortName,
		@NotNull(message = "请选择机构类型") AgencyKind kind,
		@NotBlank(message = "请填写行政区划代码")
		@Pattern(regexp = "^\\d{6}$", message = "行政区划代码应为 6 位数字") String divisionCode,
		String parentCode) {
}
