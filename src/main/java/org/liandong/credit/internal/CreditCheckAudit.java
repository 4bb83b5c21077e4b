package org.liandong.credit.internal;

import java.time.Duration;
import java.util.List;

import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditTrail.Pending;
import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Chains the credit checks into the audit trail (R4.4). Each check is kept in {@code credit_check}
 * the moment it is made; every second the unchained ones are claimed as a batch and appended under
 * one lock of the chain, so a thousand checks a second cost the chain a lock a second, not a
 * thousand. The chaining runs on one instance at a time ({@link ClusterSchedule}); claiming still
 * locks the rows it takes and skips rows locked by another transaction, so one check is never
 * chained twice, and a backlog costs each batch its own rows only.
 */
@Component
record CreditCheckAudit(JdbcClient jdbc, AuditTrail audit, TransactionTemplate transactions) {

	private static final int BATCH = 2000;

	@Bean
	RecurringTask<Void> creditCheckAuditSchedule(@Value("${liandong.credit.audit-interval:1s}") Duration every) {
		return ClusterSchedule.every("credit-check-audit", every, this::chain);
	}

	void chain() {
		while (Boolean.TRUE.equals(transactions.execute(status -> chainBatch()))) {
			// another full batch may be waiting
		}
	}

	/** Chains one batch; whether it was full (more may wait). */
	boolean chainBatch() {
		// rows another instance is claiming are skipped, not waited for; the oldest unchained come first
		List<Long> ids = jdbc.sql("select id from credit_check where audit_batch is null order by id limit ? for update skip locked")
			.param(BATCH)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return false;
		}
		// a batch is named by its first check, which no other batch can hold
		long batch = ids.get(0);
		jdbc.sql("update credit_check set audit_batch = :batch where id in (:ids)")
			.param("batch", batch)
			.param("ids", ids)
			.update();
		List<Pending> records = jdbc.sql("""
				select checked_at, actor, actor_agency, client_address, query, listed from credit_check
				where audit_batch = ? order by id""")
			.param(batch)
			.query((rs, n) -> new Pending(EntryAccess.instant(rs, "checked_at"), rs.getString("actor"),
					rs.getString("actor_agency"), "CREDIT_CHECK", "credit-subject", rs.getString("query"),
					rs.getBoolean("listed") ? "信用核查：已列入严重失信主体名单" : "信用核查：未列入",
					rs.getString("client_address")))
			.list();
		audit.recordAll(records);
		return ids.size() == BATCH;
	}
}
