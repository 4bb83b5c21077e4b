package org.liandong.credit.internal;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the publication of entries whose period is over, every hour (checks ignore them at once),
 * and fails screenings left running by an instance that stopped.
 */
@Component
record CreditUpkeep(CreditService credit, CreditCheckService checks, TransactionTemplate transactions) {

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void expire() {
		transactions.executeWithoutResult(status -> credit.expire());
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void abandonStalledScreenings() {
		checks.abandonStalled(Duration.ofMinutes(5));
	}
}
