package org.liandong.oversight.internal.ledger;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The ledger's recurring tasks on db-scheduler: their next run is a row of {@code scheduled_tasks},
 * taken by one instance at a time; an instance that dies while running one stops its heartbeat,
 * and another instance runs it again.
 */
@Configuration(proxyBeanMethods = false)
class LedgerSchedule {

	@Bean
	RecurringTask<Void> obligationScan(LedgerScan scan,
			@Value("${liandong.oversight.scan-interval:PT30S}") Duration interval) {
		return Tasks.recurring("obligation-scan", FixedDelay.of(interval)).execute((instance, context) -> scan.run());
	}

	/**
	 * Hands over again the events whose listeners never finished, e.g. the inbox messages of a
	 * reminder committed by an instance killed a moment later: the registry kept them, and no
	 * restart of that instance may come to republish them. Listeners are idempotent (the inbox
	 * stores a message once per source), so an event handed over twice does no harm.
	 */
	@Bean
	RecurringTask<Void> staleEventResubmission(IncompleteEventPublications publications,
			@Value("${liandong.oversight.stale-events-after:PT5M}") Duration staleAfter) {
		return Tasks.recurring("stale-event-resubmission", FixedDelay.of(staleAfter))
			.execute((instance, context) -> publications.resubmitIncompletePublicationsOlderThan(staleAfter));
	}
}
