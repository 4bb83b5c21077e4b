package org.liandong.oversight.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liandong.agency.Agencies;
import org.liandong.platform.ObligationDue;
import org.liandong.support.Audited;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R7.1 with the clock driven by the test: the ledger's scan, given a clock that a test moves, does
 * nothing while an obligation is far from due, reminds its owner once inside the reminder window,
 * and escalates it once after the due instant, however often it runs.
 */
@LiandongIntegrationTest
class LedgerScanClockIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void the_scan_reminds_a_day_before_and_escalates_after_the_due_instant_as_the_clock_moves() {
		// due three days out: the application's own scan (on the real clock) leaves it alone
		Instant start = Instant.now();
		Instant due = start.plus(Duration.ofDays(3));
		long subject = System.nanoTime() % 1_000_000_000L + 3_000_000_000L;
		transactions.executeWithoutResult(status -> events.publishEvent(new ObligationDue("meeting", subject,
				"第三季度联席会议", "回复会议通知", "410404", due, "/meetings/1")));
		long id = jdbc.sql("select id from obligation where subject_id = ?").param(subject).query(Long.class).single();
		MovableClock clock = new MovableClock(start);
		LedgerScan scan = new LedgerScan(jdbc, agencies, events, transactions, clock, Duration.ofHours(24));

		scan.run();
		assertThat(column(id, "reminded_at")).as("three days before").isNull();

		clock.advance(Duration.ofDays(2).plusHours(1));
		scan.run();
		scan.run();
		assertThat(column(id, "reminded_at")).as("23 hours before").isNotNull();
		assertThat(column(id, "overdue_at")).isNull();
		assertThat(audits("OBLIGATION_REMINDED", id)).isEqualTo(1);

		clock.advance(Duration.ofHours(23).plusMinutes(1));
		scan.run();
		scan.run();
		assertThat(column(id, "overdue_at")).as("a minute after the due instant").isNotNull();
		assertThat(audits("OBLIGATION_ESCALATED", id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from inbox_message where source_type = 'obligation' and source_id = ?")
			.param(id + ":escalated").query(Integer.class).single()).isLessThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from conduct_record where obligation_id = ? and kind = 'OVERDUE'").param(id)
			.query(Integer.class).single()).isEqualTo(1);
	}

	/** The column's value, or null. */
	private Object column(long id, String column) {
		return jdbc.sql("select " + column + " from obligation where id = ?").param(id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
	}

	private int audits(String action, long id) {
		Audited.chained();
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, Long.toString(id)).query(Integer.class).single();
	}
}
