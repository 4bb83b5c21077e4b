package org.liandong.operations;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Enterprises to inspect, typed row by row; every row is checked and a bad one refuses them all. */
public record NewTargets(
		@NotEmpty(message = "请至少填写一个检查对象") @Size(max = 500, message = "一次最多添加 500 个检查对象")
		List<@NotNull(message = "检查对象不能为空") Row> targets) {

	/** One enterprise: its code, its name and the division where it is inspected. */
	public record Row(String uscc, String name, String divisionCode) {
	}
}
