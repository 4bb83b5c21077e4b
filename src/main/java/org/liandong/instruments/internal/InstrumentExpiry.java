package org.liandong.instruments.internal;

import java.time.Duration;
import java.util.List;

import org.liandong.platform.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The end of an instrument's term (R3.1, R4.1): marks agreements and memoranda whose term has ended,
 * every hour on one instance ({@link ClusterSchedule}); reads treat them so at once.
 */
@Component
record InstrumentExpiry(InstrumentRecords records, JdbcClient jdbc, TransactionTemplate transactions) {

	@Bean
	RecurringTask<Void> instrumentExpirySchedule() {
		return ClusterSchedule.every("instrument-expiry", Duration.ofHours(1), Duration.ofMinutes(1), this::expire);
	}

	void expire() {
		transactions.executeWithoutResult(status -> expireEnded());
	}

	/** Marks instruments whose term ended; safe on several instances (a conditional update). */
	int expireEnded() {
		List<Long> ended = jdbc.sql("select id from instrument where state = 'IN_FORCE' and effective_until < ?")
			.param(records.today()).query(Long.class).list();
		int count = 0;
		for (long id : ended) {
			if (jdbc.sql("update instrument set state = 'EXPIRED', version = version + 1 where id = ? and state = 'IN_FORCE'")
				.param(id).update() == 1) {
				records.publish(id, "EXPIRED", "期限届满，自动失效");
				count++;
			}
		}
		return count;
	}
}
