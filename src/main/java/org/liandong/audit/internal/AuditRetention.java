package org.liandong.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.ClusterSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * How long audit records are kept (issue 9): at least six months by the level-3 standard,
 * three years unless configured ({@code liandong.audit.retention}); a shorter setting stops the
 * application at start. Once a day, on one instance ({@link ClusterSchedule}), the records older
 * than that are removed, oldest first, in one transaction that moves the start of the chain to the
 * first kept record and writes the removal into the chain itself, so verification still covers
 * every kept record and shows the removal.
 * On PostgreSQL the table refuses every other update and delete (migrations V26_1, V30_1), and the
 * removal itself is the database's (audit_purge), so that the application's role needs no right to
 * delete audit records.
 */
@Component
class AuditRetention {

	static final Period MINIMUM = Period.ofMonths(6);

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;
	private final AuditTrail trail;
	private final Clock clock;
	private final Period retention;
	private final boolean postgres;
	private final TransactionTemplate transactions;

	AuditRetention(JdbcClient jdbc, AuditTrail trail, Clock clock, DataSource dataSource,
			TransactionTemplate transactions,
			@Value("${liandong.audit.retention:3y}") Period retention) throws SQLException {
		LocalDate someDay = LocalDate.of(2026, 1, 1);
		if (someDay.minus(retention).isAfter(someDay.minus(MINIMUM))) {
			throw new IllegalStateException("liandong.audit.retention = " + retention
					+ "：审计记录至少保存 6 个月（等级保护第三级），请设置不短于 6m 的保存期限");
		}
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
		this.retention = retention;
		this.transactions = transactions;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		}
	}

	@Bean
	RecurringTask<Void> auditRetentionSchedule(@Value("${liandong.audit.purge-cron:0 40 2 * * *}") String cron) {
		return ClusterSchedule.cron("audit-retention", cron, this::daily);
	}

	void daily() {
		long removed = purge();
		if (removed > 0) {
			log.info("Removed {} audit records older than {}", removed, retention);
		}
	}

	/** Removes the records older than the retention period; the number removed. The newest record always stays. */
	long purge() {
		Long removed = transactions.execute(status -> purgeNow());
		return removed == null ? 0 : removed;
	}

	private long purgeNow() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(retention);
		Optional<Removal> removal = postgres ? removeInDatabase(cutoff) : remove(cutoff);
		removal.ifPresent(r -> trail.recordAs(JdbcAuditTrail.SYSTEM_ACTOR, null, "AUDIT_PURGED", "audit_record",
				r.first() + "-" + r.through(),
				"按保存期限 %s 删除第 %d 条至第 %d 条审计记录（%s 之前），第 %d 条记录的哈希 %s 作为链起点保留".formatted(retention,
						r.first(), r.through(), cutoff.toLocalDate(), r.through(), r.anchor())));
		return removal.map(Removal::removed).orElse(0L);
	}

	/**
	 * On PostgreSQL the database removes them itself (V30_1's audit_purge, which runs as the owner of
	 * the table): the application's role may neither delete audit records nor move the chain's start.
	 */
	private Optional<Removal> removeInDatabase(OffsetDateTime cutoff) {
		return jdbc.sql("select first_removed, last_removed, anchor, removed from audit_purge(?)")
			.param(cutoff)
			.query((rs, n) -> new Removal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
			.optional();
	}

	/** The same on the embedded database, which has no roles to keep apart. */
	private Optional<Removal> remove(OffsetDateTime cutoff) {
		long last = jdbc.sql("select last_seq from audit_chain_head where id = 1 for update").query(Long.class).single();
		long first = jdbc.sql("select first_seq from audit_chain_head where id = 1").query(Long.class).single();
		// the oldest part of the chain only, up to the first record still within the period, and never the newest
		long keptFrom = jdbc.sql("select min(seq) from audit_record where occurred_at >= ?")
			.param(cutoff)
			.query((rs, n) -> rs.getObject(1) == null ? last : rs.getLong(1))
			.single();
		long through = Math.min(keptFrom, last) - 1;
		if (through < first) {
			return Optional.empty();
		}
		String anchor = jdbc.sql("select hash from audit_record where seq = ?").param(through).query(String.class)
			.single();
		long removed = jdbc.sql("delete from audit_record where seq <= ?").param(through).update();
		jdbc.sql("update audit_chain_head set first_seq = ?, first_prev_hash = ? where id = 1")
			.params(through + 1, anchor)
			.update();
		return Optional.of(new Removal(first, through, anchor, removed));
	}

	/** Records {@code first} to {@code through} removed; {@code anchor}, the hash of the last, starts the chain now. */
	private record Removal(long first, long through, String anchor, long removed) {
	}
}
