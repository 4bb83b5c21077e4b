package org.liandong.platform;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Ties db-scheduler to the application's lifecycle: stopping the application's components (a
 * shutdown, or a test context set aside) pauses the polling for due tasks, starting them resumes
 * it. Without it a set-aside context would still run the jobs of {@link ClusterSchedule} (the
 * ledger's scan, the deadline watches) while its event listeners are stopped, and the reminders
 * they committed would wait for delivery.
 * <p>
 * A stop also waits for the jobs already running to end (issue 24), at most
 * {@code db-scheduler.shutdown-max-wait}: this happens in the first phase of a shutdown, while the
 * web server and the event listeners still work, so a job cut short by a SIGTERM is the exception,
 * not the rule. One that outlasts the wait and db-scheduler's own stop is interrupted; its missing
 * heartbeat lets another instance run it again.
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private final Duration maxWait;

	private volatile boolean running = true;

	SchedulerLifecycle(Scheduler scheduler, @Value("${db-scheduler.shutdown-max-wait:PT30S}") Duration maxWait) {
		this.scheduler = scheduler;
		this.maxWait = maxWait;
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
		awaitRunningJobs();
	}

	/** Waits beside the other components of the phase (the readiness drain), not after them. */
	@Override
	public void stop(Runnable callback) {
		scheduler.pause();
		running = false;
		if (scheduler.getCurrentlyExecuting().isEmpty()) {
			callback.run();
			return;
		}
		Thread waiting = new Thread(() -> {
			try {
				awaitRunningJobs();
			}
			finally {
				callback.run();
			}
		}, "scheduler-stop");
		waiting.setDaemon(true);
		waiting.start();
	}

	private void awaitRunningJobs() {
		Instant until = Instant.now().plus(maxWait);
		boolean logged = false;
		while (!scheduler.getCurrentlyExecuting().isEmpty() && Instant.now().isBefore(until)) {
			if (!logged) {
				log.info("Waiting for the running jobs to end before stopping: {}", scheduler.getCurrentlyExecuting()
					.stream()
					.map(job -> job.getTaskInstance().getTaskName())
					.toList());
				logged = true;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (!scheduler.getCurrentlyExecuting().isEmpty()) {
			// db-scheduler's own stop, as the context closes, waits for them once more and then interrupts them
			log.warn("Jobs still running after {}: {}", maxWait, scheduler.getCurrentlyExecuting()
				.stream()
				.map(job -> job.getTaskInstance().getTaskName())
				.toList());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
