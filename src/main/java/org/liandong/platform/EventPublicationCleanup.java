package org.liandong.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry keeps each handed-over event until its listeners finished, then
 * marks it complete; completed ones are only history (every delivery is stored by its own module),
 * so they are removed after a week instead of growing by several rows per business action. Safe to
 * run on several instances at once: deleting what is already deleted does nothing.
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

	@Scheduled(cron = "${liandong.events.cleanup-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void removeOldCompleted() {
		completed.deletePublicationsOlderThan(keep);
	}
}
