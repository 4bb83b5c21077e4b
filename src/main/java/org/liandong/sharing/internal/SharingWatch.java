package org.liandong.sharing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.ClusterSchedule;
import org.liandong.sharing.ReportSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The clocks of sharing: each schedule's new period opens its expected reports; a report not in by
 * its due time, and a bulletin not acknowledged within its window, are published once (the latter
 * escalated to the city bureau). Claims are conditional updates, safe where two scans meet; the scan
 * runs on one instance at a time ({@link ClusterSchedule}).
 */
@Component
record SharingWatch(SharingService sharing, Agencies agencies, JdbcClient jdbc, TransactionTemplate transactions,
		ApplicationEventPublisher events, Clock clock) {

	@Bean
	RecurringTask<Void> sharingWatchSchedule(@Value("${liandong.assistance.deadline-scan:1m}") Duration every) {
		return ClusterSchedule.every("sharing-watch", every, this::scan);
	}

	void scan() {
		for (ReportSchedule schedule : sharing.activeSchedules()) {
			transactions.executeWithoutResult(status -> sharing.openPeriods(schedule, sharing.cityOfSchedule(schedule.id())));
		}
		Instant now = clock.instant();
		record Report(long id, String schedule, String period, String agency, Instant due) {
		}
		List<Report> late = jdbc.sql("""
				select o.id, s.title, o.period_key, o.agency, o.due_at from report_obligation o
				join report_schedule s on s.id = o.schedule_id
				where o.first_submitted_at is null and o.overdue_at is null and o.due_at < ?""")
			.param(ChineseTime.utc(now))
			.query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					SharingRecords.instant(rs, "due_at")))
			.list();
		for (Report r : late) {
			transactions.executeWithoutResult(status -> {
				if (jdbc.sql("""
						update report_obligation set overdue_at = ?
						where id = ? and first_submitted_at is null and overdue_at is null""")
					.params(ChineseTime.utc(now), r.id()).update() == 1) {
					String name = SharingObligation.reportName(r.schedule(), r.period());
					events.publishEvent(SharingObligation.REPORT.missed(r.id(), name, r.agency(), r.due()));
					events.publishEvent(new InboxDelivery(r.agency(), null, "OVERDUE", "【逾期】%s 未按时报送".formatted(name),
							"报送期限 %s 已过，请尽快报送；逾期情况计入报送及时率。".formatted(ChineseTime.format(r.due())),
							SharingObligation.REPORT.link(r.id()), "overdue", "report:" + r.id()));
				}
			});
		}
		record Ack(long bulletin, String title, String agency, String city, Instant due) {
		}
		List<Ack> missing = jdbc.sql("""
				select b.id, b.title, a.agency, b.city_agency, b.ack_due_at from bulletin_ack a
				join bulletin b on b.id = a.bulletin_id
				where a.acknowledged_at is null and a.escalated_at is null and b.ack_due_at < ?""")
			.param(ChineseTime.utc(now))
			.query((rs, n) -> new Ack(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					SharingRecords.instant(rs, "ack_due_at")))
			.list();
		for (Ack a : missing) {
			transactions.executeWithoutResult(status -> {
				if (jdbc.sql("""
						update bulletin_ack set escalated_at = ?
						where bulletin_id = ? and agency = ? and acknowledged_at is null and escalated_at is null""")
					.params(ChineseTime.utc(now), a.bulletin(), a.agency()).update() == 1) {
					String who = agencies.find(a.agency()).map(x -> x.name()).orElse(a.agency());
					events.publishEvent(SharingObligation.ACKNOWLEDGE_BULLETIN.missed(a.bulletin(), a.title(),
							a.agency(), a.due()));
					// escalated to the city bureau, which sees every missing acknowledgement
					events.publishEvent(new InboxDelivery(a.city(), null, "BULLETIN_ESCALATED",
							"【快报未签收】%s 未在时限内签收《%s》".formatted(who, a.title()),
							"签收时限 %s 已过。".formatted(ChineseTime.format(a.due())), "/bulletins/" + a.bulletin(),
							"bulletin-escalation", a.bulletin() + ":" + a.agency()));
					events.publishEvent(new InboxDelivery(a.agency(), null, "OVERDUE", "【逾期】快报《%s》未签收".formatted(a.title()),
							"签收时限已过，已报市局。请立即签收。", "/bulletins/" + a.bulletin(), "overdue",
							"bulletin:" + a.bulletin() + ":" + a.agency()));
				}
			});
		}
	}
}
