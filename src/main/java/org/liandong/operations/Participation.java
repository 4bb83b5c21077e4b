package org.liandong.operations;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A unit's confirmation that it takes part, with the people it sends (issue 22). */
public record Participation(
		@NotEmpty(message = "请填写本单位参加行动的人员") @Size(max = 50, message = "参加人员不能超过 50 人")
		List<@NotBlank(message = "人员姓名不能为空") @Size(max = 32, message = "人员姓名不能超过 32 字") String> people) {
}
