package org.liandong.oversight.internal.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.ObligationEscalated;
import org.liandong.oversight.ObligationReminded;
import org.liandong.oversight.ObligationView;
import org.liandong.platform.ChineseTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the ledger does as time passes (R7.1, R7.2): reminds owners of obligations due soon, and
 * finds obligations missed, escalates each to its city bureau and records it against the owner.
 * Run by db-scheduler on one instance at a time; each batch takes its rows with
 * {@code for update skip locked} and marks them in the transaction that publishes the reminder or
 * escalation (stored by the event publication registry with the same commit), so each happens
 * exactly once even if two scans overlapped, and an instance killed halfway leaves the rest of its
 * batch to the next scan.
 */
@Component
class LedgerScan {

	static final int BATCH = 200;

	/** Every third miss of a bureau within this period is recorded as repeated delay. */
	static final Duration REPEAT_WINDOW = Duration.ofDays(90);

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Duration remindBefore;

	LedgerScan(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, @Value("${liandong.oversight.remind-before:PT24H}") Duration remindBefore) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.remindBefore = remindBefore;
	}

	/** One pass: every reminder and escalation that is due now. */
	void run() {
		while (Boolean.TRUE.equals(transactions.execute(status -> remindBatch()))) {
			// a full batch: more may wait
		}
		while (Boolean.TRUE.equals(transactions.execute(status -> escalateBatch()))) {
			// a full batch: more may wait
		}
	}

	boolean remindBatch() {
		Instant now = clock.instant();
		List<ObligationView> due = claim("""
				state = 'OPEN' and reminded_at is null and overdue_at is null and due_at > ? and due_at <= ?""",
				ChineseTime.utc(now), ChineseTime.utc(now.plus(remindBefore)));
		for (ObligationView o : due) {
			if (mark(o.id(), "reminded_at", now)) {
				events.publishEvent(new ObligationReminded(o.id(), o.subjectType(), o.subjectId(), o.subjectName(),
						o.obligation(), o.ownerAgencyCode(), o.dueAt()));
				events.publishEvent(new InboxDelivery(o.ownerAgencyCode(), null, "OBLIGATION_REMINDER",
						ObligationRows.clip("【即将到期】%s：%s".formatted(o.obligation(), o.subjectName()), 200),
						"请于 %s 前%s（%s）。".formatted(ChineseTime.format(o.dueAt()), o.obligation(),
								ChineseTime.countdown(now, o.dueAt())),
						link(o), "obligation", o.id() + ":reminded"));
			}
		}
		return due.size() == BATCH;
	}

	boolean escalateBatch() {
		Instant now = clock.instant();
		List<ObligationView> missed = claim("state = 'OPEN' and overdue_at is null and due_at <= ?",
				ChineseTime.utc(now));
		for (ObligationView o : missed) {
			if (mark(o.id(), "overdue_at", now)) {
				escalate(o, now);
			}
		}
		return missed.size() == BATCH;
	}

	private void escalate(ObligationView o, Instant now) {
		String owner = o.ownerAgencyName();
		events.publishEvent(new ObligationEscalated(o.id(), o.subjectType(), o.subjectId(), o.subjectName(),
				o.obligation(), o.ownerAgencyCode(), o.cityAgencyCode(), o.dueAt()));
		events.publishEvent(new InboxDelivery(o.cityAgencyCode(), null, "OBLIGATION_ESCALATED",
				ObligationRows.clip("【逾期督办】%s未按期%s：%s".formatted(owner, o.obligation(), o.subjectName()), 200),
				"期限 %s 已过。已记入该单位的履职记录，请督促办理。".formatted(ChineseTime.format(o.dueAt())),
				"/oversight?agency=" + o.ownerAgencyCode(), "obligation", o.id() + ":escalated"));
		String detail = ObligationRows.clip("%s未在 %s 前%s（%s）".formatted(owner, ChineseTime.format(o.dueAt()),
				o.obligation(), o.subjectName()), 1000);
		record(o, "OVERDUE", detail, now);
		long misses = jdbc.sql("""
				select count(*) from conduct_record where agency = ? and kind = 'OVERDUE' and recorded_at > ?""")
			.params(o.ownerAgencyCode(), ChineseTime.utc(now.minus(REPEAT_WINDOW)))
			.query(Long.class)
			.single();
		if (misses > 0 && misses % 3 == 0) {
			record(o, "REPEATED_DELAY",
					ObligationRows.clip("%s 90 日内第 %d 次逾期：%s".formatted(owner, misses, detail), 1000), now);
		}
	}

	private void record(ObligationView o, String kind, String detail, Instant now) {
		jdbc.sql("""
				insert into conduct_record (agency, city_agency, kind, obligation_id, subject_type, subject_id, subject_name,
				    detail, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(o.ownerAgencyCode(), o.cityAgencyCode(), kind, o.id(), o.subjectType(), o.subjectId(),
					ObligationRows.clip(o.subjectName(), 200), detail, ChineseTime.utc(now))
			.update();
	}

	/** The oldest matching rows no other scan holds, locked until this batch commits. */
	private List<ObligationView> claim(String condition, Object... params) {
		Map<String, String> names = agencies.all().stream()
			.collect(Collectors.toMap(AgencySummary::code, AgencySummary::name));
		return jdbc.sql("select * from obligation where " + condition
				+ " order by due_at limit " + BATCH + " for update skip locked")
			.params(params)
			.query((rs, n) -> ObligationRows.view(rs, names))
			.list();
	}

	/** Sets the column once; whether this scan was the one to set it. */
	private boolean mark(long id, String column, Instant now) {
		return jdbc.sql("update obligation set " + column + " = ?, version = version + 1 where id = ? and " + column
				+ " is null").params(ChineseTime.utc(now), id).update() == 1;
	}

	private static String link(ObligationView o) {
		return o.link() == null ? "/oversight" : o.link();
	}

}
