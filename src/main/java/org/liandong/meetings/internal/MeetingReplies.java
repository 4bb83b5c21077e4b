package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Instant;

import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.MeetingView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's reply to a meeting notice (R5): attending, naming who attends, or absent with a reason; the first reply
 * meets the obligation, and it may be changed until the meeting starts. Runs in the transaction of
 * the {@link MeetingService} method that calls it.
 */
@Component
record MeetingReplies(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MeetingRecords records) {

	MeetingView reply(long id, boolean attend, String attendee, String reason, SignedInUser member) {
		MeetingView meeting = records.find(id, member);
		if (meeting.members().stream().noneMatch(m -> m.agencyCode().equals(member.agencyCode()))) {
			throw DomainException.forbidden("not-a-member", "本单位不是该会议的成员单位");
		}
		Instant now = clock.instant();
		if (!"CONVENED".equals(meeting.state()) || !now.isBefore(meeting.startsAt())) {
			throw DomainException.conflict("meeting-started", "会议已召开或已结束，不能再回复参会情况");
		}
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (!attend && why == null) {
			throw DomainException.invalid("absence-needs-reason", "请假不参会的，请说明理由");
		}
		String who = attend && attendee != null && !attendee.isBlank() ? attendee.strip() : null;
		if (attend && who == null) {
			throw DomainException.invalid("attendee-required", "参会的，请填写参会人员的姓名和职务");
		}
		if (who != null && who.length() > 200) {
			throw DomainException.invalid("attendee-too-long", "参会人员不能超过 200 字");
		}
		String answer = """
				update meeting_member set reply = ?, attendee = ?, reason = ?, replied_at = ?, replied_by_name = ?
				where meeting_id = ? and agency = ?""";
		Object[] values = { attend ? "ATTEND" : "ABSENT", who, attend ? null : why, ChineseTime.utc(now), member.describe(), id,
				member.agencyCode() };
		// the first reply meets the obligation; a changed one (allowed until the meeting starts) only changes it
		boolean first = jdbc.sql(answer + " and reply is null").params(values).update() == 1;
		if (!first) {
			jdbc.sql(answer).params(values).update();
		}
		events.publishEvent(new MeetingEvent("meeting", id, "REPLIED", "%s%s".formatted(member.agencyName(),
				attend ? "确认参会：" + who : "请假：" + why)));
		if (first) {
			events.publishEvent(MeetingObligation.REPLY.settled(id, member.agencyCode(), now, true));
		}
		return records.find(id, member);
	}
}
