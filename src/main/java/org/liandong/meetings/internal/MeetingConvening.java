package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.liandong.inbox.InboxDelivery;
import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings.RegularMeetingStatus;
import org.liandong.meetings.NewMeeting;
import org.liandong.platform.Sentence;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Convening the joint meeting (R5): the office sends the notice with the agenda to every member,
 * each owing a reply by the reply date; and the rule that a regular meeting is held every half
 * year, which {@link MeetingDeadlines} warns of. Runs in the transaction of the
 * {@link MeetingService} method that calls it.
 */
@Component
record MeetingConvening(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MeetingRecords records) {

	MeetingView convene(NewMeeting n, SignedInUser office) {
		records.requireOffice(office);
		Instant now = clock.instant();
		Instant starts = n.startsAt().atZone(ChineseTime.ZONE).toInstant();
		Instant replyDue = n.replyBy().plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
		if (!starts.isAfter(now)) {
			throw DomainException.invalid("meeting-in-past", "会议时间应晚于现在");
		}
		if (replyDue.isBefore(now) || replyDue.isAfter(starts.plusSeconds(86_400))) {
			throw DomainException.invalid("invalid-reply-date", "回复截止日期应在今天到会议当天之间");
		}
		List<String> members = records.members(office.agencyCode());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting (kind, title, agenda, place, starts_at, reply_due_at, state, office_agency, convened_at,
				    convened_by_name, version)
				values (?, ?, ?, ?, ?, ?, 'CONVENED', ?, ?, ?, 0)""")
			.params(n.kind().name(), n.title().trim(), n.agenda().trim(), n.place().trim(), ChineseTime.utc(starts),
					ChineseTime.utc(replyDue), office.agencyCode(), ChineseTime.utc(now), office.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (String member : members) {
			jdbc.sql("insert into meeting_member (meeting_id, agency) values (?, ?)").params(id, member).update();
			events.publishEvent(MeetingObligation.REPLY.due(id, n.title().trim(), member, replyDue, id));
			events.publishEvent(new InboxDelivery(member, null, "MEETING_NOTICE",
					"【会议通知】%s（%s）".formatted(n.title().trim(), ChineseTime.format(starts)),
					"地点：%s议程：%s请于 %s 前回复是否参会。".formatted(Sentence.of(n.place()), Sentence.of(n.agenda()),
							ChineseTime.format(replyDue)),
					"/meetings/" + id, MeetingRecords.SOURCE, id + ":notice"));
		}
		events.publishEvent(new MeetingEvent("meeting", id, "CONVENED", "召集%s《%s》，%s，%d 个成员单位".formatted(
				n.kind().label(), n.title().trim(), ChineseTime.format(starts), members.size())));
		return records.find(id, office);
	}

	/** When the last regular meeting of the reader's office began, and whether a half year has passed since. */
	RegularMeetingStatus regularStatus(SignedInUser reader) {
		return regularStatus(records.officeOf(reader.agencyCode()));
	}

	RegularMeetingStatus regularStatus(String office) {
		Instant last = jdbc.sql("""
				select max(starts_at) from meeting where office_agency = ? and kind = 'REGULAR' and state <> 'CANCELLED'""")
			.param(office).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
		ZonedDateTime halfYearAgo = clock.instant().atZone(ChineseTime.ZONE).minusMonths(6);
		boolean overdue = last == null || last.isBefore(halfYearAgo.toInstant());
		return new RegularMeetingStatus(last, overdue, !overdue ? null : last == null
				? "尚未召开过联席会议例会，按机制原则上每半年召开一次，请安排召开"
				: "距上次例会（%s）已超过半年，请安排召开例会".formatted(ChineseTime.format(last)));
	}
}
