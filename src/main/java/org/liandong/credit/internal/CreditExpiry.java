package org.liandong.credit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Ends the publication of entries whose period is over, every hour; checks ignore them at once. */
@Component
class CreditExpiry {

	private final CreditService credit;
	private final TransactionTemplate transactions;

	CreditExpiry(CreditService credit, TransactionTemplate transactions) {
		this.credit = credit;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void expire() {
		transactions.executeWithoutResult(status -> credit.expire());
	}
}
