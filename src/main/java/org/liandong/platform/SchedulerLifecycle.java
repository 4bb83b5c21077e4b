package org.liandong.platform;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Ties db-scheduler to the application's lifecycle: stopping the application's components (a
 * shutdown, or a test context set aside) pauses the polling for due tasks, starting them resumes
 * it. Without it a set-aside context would still run the jobs of {@link ClusterSchedule} (the
 * ledger's scan, the deadline watches) while its event listeners are stopped, and the reminders
 * they committed would wait for delivery.
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

	private final Scheduler scheduler;

	private volatile boolean running = true;

	SchedulerLifecycle(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		scheduler.resume();
		running = true;
	}

	@Override
	public void stop() {
		scheduler.pause();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
