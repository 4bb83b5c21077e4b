package org.liandong.instruments.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks agreements and memoranda whose term has ended, every hour; reads treat them so at once. */
@Component
class InstrumentExpiry {

	private final InstrumentService instruments;
	private final TransactionTemplate transactions;

	InstrumentExpiry(InstrumentService instruments, TransactionTemplate transactions) {
		this.instruments = instruments;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void expire() {
		transactions.executeWithoutResult(status -> instruments.expire());
	}
}
