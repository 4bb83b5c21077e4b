package org.liandong.cases.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Personal data of closed cases is kept only as long as needed (issue 9): a person's ID-card
 * number, SM4-encrypted, is erased when the case has been closed for the retention period
 * ({@code liandong.cases.personal-data-retention}, five years unless configured, after the
 * archiving period of enforcement files); the masked form stays, so the file still reads. Each
 * erasure is written to the case's timeline and the audit trail. Runs daily on one instance
 * ({@link ClusterSchedule}).
 */
@Component
class PersonalDataRetention {

	private final JdbcClient jdbc;
	private final CaseTimeline timeline;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Period retention;

	PersonalDataRetention(JdbcClient jdbc, CaseTimeline timeline, AuditTrail audit, TransactionTemplate transactions,
			Clock clock, @Value("${liandong.cases.personal-data-retention:5y}") Period retention) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.retention = retention;
	}

	@Bean
	RecurringTask<Void> personalDataRetentionSchedule(
			@Value("${liandong.cases.personal-data-purge-cron:0 10 3 * * *}") String cron) {
		return ClusterSchedule.cron("personal-data-retention", cron, this::daily);
	}

	void daily() {
		erase();
	}

	/** Erases the ID numbers of the cases closed before the retention period; how many. */
	int erase() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(retention);
		List<Long> due = jdbc.sql("""
				select id from enforcement_case
				where status = 'CLOSED' and party_id_cipher is not null and last_changed_at < ?
				order by id""")
			.param(cutoff)
			.query(Long.class)
			.list();
		int erasedInAll = 0;
		for (long id : due) {
			Boolean done = transactions.execute(status -> {
				int erased = jdbc.sql("""
						update enforcement_case set party_id_cipher = null, party_id_hash = null
						where id = ? and status = 'CLOSED' and party_id_cipher is not null""")
					.param(id)
					.update();
				if (erased == 1) {
					String detail = "结案已满保存期限 %s，当事人公民身份号码已删除（保留脱敏号码）".formatted(retention);
					timeline.append(id, Editor.SYSTEM, "PERSONAL_DATA_ERASED", detail, clock.instant());
					audit.recordAs("system", null, "PERSONAL_DATA_ERASED", "case", String.valueOf(id), detail);
				}
				return erased == 1;
			});
			erasedInAll += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return erasedInAll;
	}
}
