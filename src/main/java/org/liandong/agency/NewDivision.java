package org.liandong.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to register an administrative division or functional zone. */
public record NewDivision(
		@NotBlank(message = "请填写行政区划代码")
		@Pattern(regexp = "^\\d{6}$", message = "行政区划代码应为 6 位数字") String code,
		@NotBlank(message = "请填写区划名称") @Size(max = 64, message = "区划名称不能超过 64 个字") String name,
		@NotNull(message = "请选择区划级别") DivisionLevel level,
		String parentCode) {
}
