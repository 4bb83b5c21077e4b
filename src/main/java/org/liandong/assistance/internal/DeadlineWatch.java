package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.Words.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.liandong.assistance.ObligationOverdue;
import org.liandong.assistance.ObligationOverdue.Obligation;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.ClusterSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Finds deadlines that passed without the obligation being met and publishes each one once
 * ({@link ObligationOverdue}), with a message to the agency that owes the action and to the one
 * waiting for it. Deadlines are data on the rows; each miss is claimed by a conditional update in
 * its own transaction, so it is published exactly once even where two scans meet; the scan itself
 * runs on one instance at a time ({@link ClusterSchedule}).
 */
@Component
record DeadlineWatch(JdbcClient jdbc, TransactionTemplate transactions, RequestHistory history,
		ApplicationEventPublisher events, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	/** Rows handled per scan and kind; the rest wait for the next scan. */
	private static final int BATCH = 500;

	@Bean
	RecurringTask<Void> deadlineWatchSchedule(@Value("${liandong.assistance.deadline-scan:1m}") Duration every) {
		return ClusterSchedule.every("deadline-watch", every, this::scan);
	}

	void scan() {
		int missed = publishMissed();
		if (missed > 0) {
			log.info("发现 {} 项逾期未办的协查、督办或指定管辖任务", missed);
		}
	}

	/** Publishes every deadline missed by now and not yet published; how many it published. */
	int publishMissed() {
		Instant now = clock.instant();
		int published = 0;
		for (Miss miss : candidates(now)) {
			if (Boolean.TRUE.equals(transactions.execute(status -> claim(miss, now)))) {
				published++;
			}
		}
		return published;
	}

	private List<Miss> candidates(Instant now) {
		List<Miss> misses = new java.util.ArrayList<>();
		misses.addAll(jdbc.sql("""
				select id, number, assisting_agency, requester_agency, accept_due_at as due from assistance_request
				where state = 'SENT' and accept_due_at < ? and accept_overdue_at is null order by accept_due_at limit ?""")
			.params(ChineseTime.utc(now), BATCH)
			.query((rs, n) -> new Miss(Obligation.ACCEPT_REQUEST, rs.getLong("id"), null, rs.getString("number"),
					rs.getString("assisting_agency"), rs.getString("requester_agency"), instant(rs, "due")))
			.list());
		misses.addAll(jdbc.sql("""
				select id, number, assisting_agency, requester_agency, answer_due_at as due from assistance_request
				where state in ('ACCEPTED', 'SUPPLEMENT_REQUESTED') and answer_due_at < ? and answer_overdue_at is null
				order by answer_due_at limit ?""")
			.params(ChineseTime.utc(now), BATCH)
			.query((rs, n) -> new Miss(Obligation.ANSWER_REQUEST, rs.getLong("id"), null, rs.getString("number"),
					rs.getString("assisting_agency"), rs.getString("requester_agency"), instant(rs, "due")))
			.list());
		misses.addAll(jdbc.sql("""
				select id, number, to_agency, from_agency, due_at as due from dispatch
				where state = 'SENT' and due_at < ? and overdue_at is null order by due_at limit ?""")
			.params(ChineseTime.utc(now), BATCH)
			.query((rs, n) -> new Miss(Obligation.ACT_ON_DISPATCH, rs.getLong("id"), null, rs.getString("number"),
					rs.getString("to_agency"), rs.getString("from_agency"), instant(rs, "due")))
			.list());
		misses.addAll(jdbc.sql("""
				select d.report_id, p.agency, d.number, m.city_agency, p.due_at as due
				from designation_party p join designation d on d.id = p.designation_id join major_report m on m.id = d.report_id
				where p.reported_at is null and p.due_at < ? and p.overdue_at is null order by p.due_at limit ?""")
			.params(ChineseTime.utc(now), BATCH)
			.query((rs, n) -> new Miss(Obligation.DESIGNATED_TASK, rs.getLong("report_id"), rs.getString("agency"),
					rs.getString("number"), rs.getString("agency"), rs.getString("city_agency"), instant(rs, "due")))
			.list());
		return misses;
	}

	/** Marks the miss if nobody has, and publishes it in the same transaction; whether this call did. */
	private boolean claim(Miss miss, Instant now) {
		Object at = ChineseTime.utc(now);
		int claimed = switch (miss.obligation()) {
			case ACCEPT_REQUEST -> jdbc.sql("""
					update assistance_request set accept_overdue_at = ?
					where id = ? and state = 'SENT' and accept_due_at < ? and accept_overdue_at is null""")
				.params(at, miss.id(), at).update();
			case ANSWER_REQUEST -> jdbc.sql("""
					update assistance_request set answer_overdue_at = ?
					where id = ? and state in ('ACCEPTED', 'SUPPLEMENT_REQUESTED') and answer_due_at < ?
					and answer_overdue_at is null""")
				.params(at, miss.id(), at).update();
			case ACT_ON_DISPATCH -> jdbc.sql("""
					update dispatch set overdue_at = ? where id = ? and state = 'SENT' and due_at < ? and overdue_at is null""")
				.params(at, miss.id(), at).update();
			case DESIGNATED_TASK -> jdbc.sql("""
					update designation_party set overdue_at = ?
					where agency = ? and reported_at is null and due_at < ? and overdue_at is null
					and designation_id = (select id from designation where report_id = ?)""")
				.params(at, miss.agency(), at, miss.id()).update();
		};
		if (claimed == 0) {
			return false;
		}
		String subject = AssistanceObligations.subjectType(miss.obligation());
		String link = AssistanceObligations.link(miss.obligation(), miss.id());
		String text = "%s（期限%s）已逾期未%s".formatted(miss.number(), ChineseTime.format(miss.dueAt()),
				miss.obligation().label());
		if (subject.equals(AssistanceService.SOURCE)) {
			history.append(miss.id(), "system", "系统", null, "OVERDUE", text, now);
		}
		events.publishEvent(new ObligationOverdue(subject, miss.id(), miss.number(), miss.obligation(), miss.owner(),
				miss.dueAt()));
		String key = "%s:%d:%s:%s".formatted(subject, miss.id(), miss.obligation().name(), miss.owner());
		events.publishEvent(new InboxDelivery(miss.owner(), null, "OVERDUE", "【逾期】" + text,
				"请尽快办理；逾期情况已记录，将纳入监督考评。", link, "overdue", key));
		events.publishEvent(new InboxDelivery(miss.waiting(), null, "OVERDUE", "【对方逾期】" + text,
				"对方单位已逾期，系统已提醒对方并记录。", link, "overdue", key));
		return true;
	}

	/** A missed deadline: which obligation, of which thing, owed by whom to whom. */
	private record Miss(Obligation obligation, long id, String agency, String number, String owner, String waiting,
			Instant dueAt) {
	}
}
