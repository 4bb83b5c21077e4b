package org.liandong.assistance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A bureau's report of a case as major (R2.5): why it is major and what is known. */
public record NewMajorReport(
		@NotBlank(message = "请写明案件基本情况和认为属于重大案件的理由") @Size(max = 4000, message = "报告内容不能超过 4000 字") String facts) {
}
