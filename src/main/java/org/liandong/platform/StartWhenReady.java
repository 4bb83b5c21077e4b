package org.liandong.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.startup.AbstractSchedulerStarter;

/**
 * Starts the jobs of {@link ClusterSchedule} once the application is ready, after its start-up
 * runners, rather than when the context is refreshed (db-scheduler's own
 * {@code delay-startup-until-context-ready}), which is before them. A job's first run then sees the
 * database as the runners left it: the city's dashboard history computed while the demo year was
 * still being loaded showed its last months empty, as of a time that looked current.
 */
@Component
class StartWhenReady extends AbstractSchedulerStarter {

	StartWhenReady(Scheduler scheduler) {
		super(scheduler);
	}

	@EventListener(ApplicationReadyEvent.class)
	void whenReady() {
		doStart();
	}
}
