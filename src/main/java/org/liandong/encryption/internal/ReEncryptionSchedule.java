package org.liandong.encryption.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Each re-encryption the system administrator asks for is a db-scheduler one-time task (issue 19),
 * its instance id the run's: one instance runs it, and a run whose instance died is run again by
 * another (it then starts over; values already rewritten are current and skipped).
 */
@Configuration(proxyBeanMethods = false)
class ReEncryptionSchedule {

	static final String TASK = "field-re-encryption";

	@Bean
	OneTimeTask<Void> fieldReEncryption(ReEncryptionRun run) {
		return Tasks.oneTime(TASK).execute((instance, context) -> run.run(Long.parseLong(instance.getId())));
	}
}
