package org.liandong.operations;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A random draw (双随机, issue 22): how many of the targets not yet in a team, and how many inspectors
 * from the confirmed people, form one team for the given days.
 *
 * @param seed the draw's seed, 16 to 64 hexadecimal digits; drawn by the platform when not given
 */
public record NewDraw(
		@NotBlank(message = "请填写检查组名称") @Size(max = 100, message = "检查组名称不能超过 100 字") String teamName,
		@NotNull(message = "请填写抽取检查对象的个数") @Min(value = 1, message = "至少抽取 1 个检查对象")
		@Max(value = 500, message = "一次最多抽取 500 个检查对象") Integer targets,
		@NotNull(message = "请填写抽取检查人员的人数") @Min(value = 2, message = "联合检查组至少 2 人")
		@Max(value = 30, message = "一个检查组最多 30 人") Integer inspectors,
		@NotNull(message = "请填写检查开始日期") LocalDate inspectFrom,
		@NotNull(message = "请填写检查结束日期") LocalDate inspectTo,
		@Pattern(regexp = "[0-9a-fA-F]{16,64}", message = "随机种子应为 16 至 64 位十六进制数") String seed) {
}
