package org.liandong.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The organiser's words for the summary report (通报), beside the counts the platform fills in. */
public record Conclusion(
		@NotBlank(message = "请填写总结意见（行动成效、存在问题和下一步要求）") @Size(max = 4000, message = "总结意见不能超过 4000 字") String remarks) {
}
