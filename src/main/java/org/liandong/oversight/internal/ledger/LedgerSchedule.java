package org.liandong.oversight.internal.ledger;

import java.time.Duration;

import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The ledger's recurring tasks, each run by one instance at a time ({@link ClusterSchedule}); an
 * instance that dies while running one stops its heartbeat, and another instance runs it again.
 */
@Configuration(proxyBeanMethods = false)
class LedgerSchedule {

	@Bean
	RecurringTask<Void> obligationScan(LedgerScan scan,
			@Value("${liandong.oversight.scan-interval:PT30S}") Duration interval) {
		return ClusterSchedule.every("obligation-scan", interval, scan::run);
	}

	/**
	 * The cities' dashboard history computed anew this long after the last computation ended (the
	 * first soon after start); the page says as of when.
	 */
	@Bean
	RecurringTask<Void> cityDashboardHistory(CityHistory history,
			@Value("${liandong.oversight.city-history-interval:PT5M}") Duration interval) {
		return ClusterSchedule.every("city-dashboard-history", interval, Duration.ofSeconds(1), history::refresh);
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
		return ClusterSchedule.every("stale-event-resubmission", staleAfter,
				() -> publications.resubmitIncompletePublicationsOlderThan(staleAfter));
	}
}
