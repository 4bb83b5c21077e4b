package org.liandong.platform;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The application's timed jobs, each run by one instance at a time however many share the database
 * (issue 19). A job is a db-scheduler recurring task: its next due time is a row of
 * {@code scheduled_tasks}, the instance that takes the row runs the job and writes the next due
 * time, and an instance that dies while running one stops its heartbeat, so another runs it again.
 * <p>
 * A module declares its job as a bean made here, in a {@code @Bean} method beside the job (where
 * Spring's {@code @Scheduled} used to sit), with its interval or cron expression from the job's own
 * property; db-scheduler's starter schedules every such bean, and {@link SchedulerLifecycle} pauses
 * them all while the application's components are stopped.
 */
public final class ClusterSchedule {

	private ClusterSchedule() {
	}

	/**
	 * A job run again {@code delay} after each run ends, the first time one delay after the task is
	 * first scheduled (as Spring's fixed delay with the same initial delay did).
	 */
	public static RecurringTask<Void> every(String name, Duration delay, Runnable job) {
		return every(name, delay, delay, job);
	}

	/** A job run again {@code delay} after each run ends, the first time {@code firstAfter} after the task is first scheduled. */
	public static RecurringTask<Void> every(String name, Duration delay, Duration firstAfter, Runnable job) {
		return task(name, new FixedDelayAfterStart(delay, firstAfter), job);
	}

	/**
	 * A job run at the times of a Spring cron expression (second, minute, hour, day, month, weekday)
	 * in Beijing time; {@code -} turns it off.
	 */
	public static RecurringTask<Void> cron(String name, String expression, Runnable job) {
		return task(name, Schedules.cron(expression, ChineseTime.ZONE), job);
	}

	private static RecurringTask<Void> task(String name, Schedule schedule, Runnable job) {
		return Tasks.recurring(name, schedule).execute((instance, context) -> job.run());
	}

	/**
	 * db-scheduler's own fixed delay runs a task the moment it is first scheduled; the jobs here
	 * waited for their first run, so a starting instance is not slowed by all of them at once.
	 */
	private record FixedDelayAfterStart(Duration delay, Duration firstAfter) implements Schedule {

		private FixedDelayAfterStart {
			if (delay.isZero() || delay.isNegative() || firstAfter.isNegative()) {
				throw new IllegalArgumentException("a job's delay must be positive: " + delay + ", " + firstAfter);
			}
		}

		@Override
		public Instant getNextExecutionTime(ExecutionComplete done) {
			return done.getTimeDone().plus(delay);
		}

		@Override
		public Instant getInitialExecutionTime(Instant now) {
			return now.plus(firstAfter);
		}

		@Override
		public boolean isDeterministic() {
			return false;
		}
	}
}
