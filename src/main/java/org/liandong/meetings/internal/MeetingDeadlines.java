package org.liandong.meetings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.inbox.InboxDelivery;
import org.liandong.meetings.Meetings.RegularMeetingStatus;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The joint meeting's clocks: replies to a notice not given by the reply date, action items still
 * open at their deadline, and a half year without a regular meeting. Each miss is claimed by a
 * conditional update (or a unique warning row) in its own transaction, so it is published once
 * whatever the number of instances; the scan runs on one instance at a time ({@link ClusterSchedule}).
 */
@Component
record MeetingDeadlines(JdbcClient jdbc, MeetingService meetings, Agencies agencies, TransactionTemplate transactions,
		org.springframework.context.ApplicationEventPublisher events, Clock clock) {

	@Bean
	RecurringTask<Void> meetingDeadlinesSchedule(@Value("${liandong.assistance.deadline-scan:1m}") Duration every) {
		return ClusterSchedule.every("meeting-deadlines", every, this::scan);
	}

	void scan() {
		Instant now = clock.instant();
		record Reply(long meetingId, String title, String agency, String office, Instant due) {
		}
		List<Reply> replies = jdbc.sql("""
				select m.id, m.title, x.agency, m.office_agency, m.reply_due_at from meeting_member x
				join meeting m on m.id = x.meeting_id
				where x.reply is null and x.overdue_at is null and m.state <> 'CANCELLED' and m.reply_due_at < ?""")
			.param(ChineseTime.utc(now))
			.query((rs, n) -> new Reply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					MeetingRecords.instant(rs, "reply_due_at")))
			.list();
		for (Reply r : replies) {
			transactions.executeWithoutResult(status -> {
				if (jdbc.sql("""
						update meeting_member set overdue_at = ?
						where meeting_id = ? and agency = ? and reply is null and overdue_at is null""")
					.params(ChineseTime.utc(now), r.meetingId(), r.agency()).update() == 1) {
					missed(MeetingObligation.REPLY, r.meetingId(), r.title(), r.agency(), r.office(), r.due(),
							r.meetingId());
				}
			});
		}
		record Item(long id, long meetingId, String decision, String owner, String office, Instant due) {
		}
		List<Item> items = jdbc.sql("""
				select a.id, a.meeting_id, a.decision, a.owner_agency, m.office_agency, a.due_at from action_item a
				join meeting m on m.id = a.meeting_id
				where a.state = 'OPEN' and a.overdue_at is null and a.due_at < ?""")
			.param(ChineseTime.utc(now))
			.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					MeetingRecords.instant(rs, "due_at")))
			.list();
		for (Item i : items) {
			transactions.executeWithoutResult(status -> {
				if (jdbc.sql("update action_item set overdue_at = ? where id = ? and state = 'OPEN' and overdue_at is null")
					.params(ChineseTime.utc(now), i.id()).update() == 1) {
					missed(MeetingObligation.ACTION_ITEM, i.id(), i.decision(), i.owner(), i.office(), i.due(),
							i.meetingId());
				}
			});
		}
		warnOfLapses(now);
	}

	/** A half year without a regular meeting: the office hears of it once per lapse. */
	void warnOfLapses(Instant now) {
		agencies.all().stream().filter(a -> a.kind() == AgencyKind.ENFORCEMENT_DETACHMENT).forEach(office -> {
			RegularMeetingStatus status = meetings.regularStatus(office.code());
			if (!status.overdue()) {
				return;
			}
			String since = status.lastRegularAt() == null ? "never" : status.lastRegularAt().toString();
			transactions.executeWithoutResult(tx -> {
				int inserted = jdbc.sql("""
						insert into meeting_lapse_warning (office_agency, since_key, warned_at) values (?, ?, ?)
						on conflict do nothing""")
					.params(office.code(), since, ChineseTime.utc(now)).update();
				if (inserted == 1) {
					events.publishEvent(new InboxDelivery(office.code(), null, "MEETING_LAPSE", "【提醒】请安排召开联席会议例会",
							status.message(), "/meetings", "meeting-lapse", office.code() + ":" + since));
				}
			});
		});
	}

	private void missed(MeetingObligation obligation, long id, String name, String owner, String office, Instant due,
			long meetingId) {
		events.publishEvent(obligation.missed(id, name, owner, due));
		String title = "【逾期】%s（期限 %s）".formatted(obligation.words(), ChineseTime.format(due));
		String link = MeetingObligation.link(meetingId);
		String key = obligation.subjectType() + ":" + id + ":" + owner;
		events.publishEvent(new InboxDelivery(owner, null, "OVERDUE", title, name, link, "overdue", key));
		events.publishEvent(new InboxDelivery(office, null, "OVERDUE", "【成员单位逾期】%s".formatted(obligation.words()),
				name + "（" + agencies.find(owner).map(a -> a.name()).orElse(owner) + "）", link, "overdue", key));
	}
}
