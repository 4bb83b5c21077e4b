package org.liandong.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the competent bureau adds when a hazard found in an operation becomes a case (R2.1, R2.2). */
public record CaseForHazard(
		@NotBlank(message = "请填写违法类型") @Size(max = 100, message = "违法类型不能超过 100 个字") String violationType) {
}
