package org.liandong.credit.internal;

import java.time.Duration;

import org.liandong.platform.ClusterSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Ends the publication of entries whose period is over, every hour (checks ignore them at once),
 * and fails screenings left running by an instance that stopped, every minute; each on one
 * instance at a time ({@link ClusterSchedule}).
 */
@Component
record CreditUpkeep(CreditService credit, CreditCheckService checks, TransactionTemplate transactions) {

	@Bean
	RecurringTask<Void> creditExpirySchedule() {
		return ClusterSchedule.every("credit-expiry", Duration.ofHours(1), Duration.ofMinutes(1), this::expire);
	}

	@Bean
	RecurringTask<Void> stalledScreeningsSchedule() {
		return ClusterSchedule.every("stalled-screenings", Duration.ofMinutes(1), this::abandonStalledScreenings);
	}

	void expire() {
		transactions.executeWithoutResult(status -> credit.expire());
	}

	void abandonStalledScreenings() {
		checks.abandonStalled(Duration.ofMinutes(5));
	}
}
