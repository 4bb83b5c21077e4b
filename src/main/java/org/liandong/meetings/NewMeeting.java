package org.liandong.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A meeting notice: kind, title, agenda, place, when (Beijing time) and the date to reply by. */
public record NewMeeting(@NotNull(message = "请选择会议类型") MeetingKind kind,
		@NotBlank(message = "请填写会议名称") @Size(max = 200, message = "会议名称不能超过 200 字") String title,
		@NotBlank(message = "请填写议程") @Size(max = 4000, message = "议程不能超过 4000 字") String agenda,
		@NotBlank(message = "请填写地点") @Size(max = 200, message = "地点不能超过 200 字") String place,
		@NotNull(message = "请填写会议时间") LocalDateTime startsAt,
		@NotNull(message = "请填写回复截止日期") LocalDate replyBy) {
}
