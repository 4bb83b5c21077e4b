package org.liandong.meetings;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A decision of the meeting: what, which agency owns it, by when. It becomes an action item. */
public record Decision(@NotBlank(message = "请填写议定事项") @Size(max = 2000, message = "议定事项不能超过 2000 字") String decision,
		@NotBlank(message = "请选择责任单位") String ownerAgencyCode, @NotNull(message = "请填写办结期限") LocalDate dueOn) {
}
