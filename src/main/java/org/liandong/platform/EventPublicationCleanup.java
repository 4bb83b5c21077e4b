package org.liandong.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The event publication registry keeps each handed-over event until its listeners finished, then
 * marks it complete; completed ones are only history (every delivery is stored by its own module),
 * so they are removed after a week instead of growing by several rows per business action. Runs
 * once a night on one instance ({@link ClusterSchedule}).
 */
@Component
class EventPublicationCleanup {

	private final CompletedEventPublications completed;
	private final Duration keep;

	EventPublicationCleanup(CompletedEventPublications completed,
			@Value("${liandong.events.keep-completed:7d}") Duration keep) {
		this.completed = completed;
		this.keep = keep;
	}

	@Bean
	RecurringTask<Void> eventPublicationCleanupSchedule(
			@Value("${liandong.events.cleanup-cron:0 30 3 * * *}") String cron) {
		return ClusterSchedule.cron("event-publication-cleanup", cron, this::removeOldCompleted);
	}

	void removeOldCompleted() {
		completed.deletePublicationsOlderThan(keep);
	}
}
