package org.liandong.oversight;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The decision on an accountability record (R7.2): what was decided, the measures, and the points
 * deducted from the unit's year-end evaluation.
 *
 * @param otherMeasure what "其他" means, required when {@link AccountabilityMeasure#OTHER} is chosen
 * @param version the version of the record the decider saw; {@code null} to decide the current one
 */
public record AccountabilityDecision(
		@NotBlank(message = "请填写问责决定") @Size(max = 4000, message = "问责决定不能超过 4000 字") String decision,
		@NotEmpty(message = "请至少选择一项问责措施") List<@NotNull(message = "问责措施不能为空") AccountabilityMeasure> measures,
		@Size(max = 500, message = "其他措施不能超过 500 字") String otherMeasure,
		@NotNull(message = "请填写扣分（0 至 20 分）") @Min(value = 0, message = "扣分应在 0 至 20 分之间")
		@Max(value = 20, message = "扣分应在 0 至 20 分之间") Integer deduction,
		Long version) {
}
