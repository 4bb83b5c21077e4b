package org.liandong.oversight;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The city bureau opens an accountability record against a unit (R7.2): the facts, and the conduct
 * records of that unit (overdue obligations, unexplained returns, repeated delay) they rest on.
 *
 * @param conductIds ids of the unit's conduct records; may be empty when the facts stand alone
 */
public record NewAccountabilityRecord(@NotBlank(message = "请选择被问责单位") String agencyCode,
		@NotBlank(message = "请填写问责事实") @Size(max = 4000, message = "问责事实不能超过 4000 字") String facts,
		@Size(max = 100, message = "关联的失职记录不能超过 100 条") List<Long> conductIds) {
}
