package org.liandong.audit.internal;

import java.time.Duration;

import org.liandong.audit.AuditCheckpoints;
import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The audit trail's tasks on db-scheduler (issue 19), each run by one instance at a time: signing
 * a checkpoint every {@code liandong.audit.checkpoint-interval} ({@link ClusterSchedule}), and each
 * verification an audit administrator asked for. A verification whose instance died is run again
 * by another.
 */
@Configuration(proxyBeanMethods = false)
class AuditSchedule {

	static final String CHECKPOINT_TASK = "audit-checkpoint";

	static final String VERIFICATION_TASK = "audit-verification";

	@Bean
	RecurringTask<Void> auditCheckpoint(AuditCheckpoints checkpoints,
			@Value("${liandong.audit.checkpoint-interval:PT10M}") Duration interval) {
		return ClusterSchedule.every(CHECKPOINT_TASK, interval, checkpoints::make);
	}

	/** One instance per verification, its id the verification's. */
	@Bean
	OneTimeTask<Void> auditVerification(VerificationRun run) {
		return Tasks.oneTime(VERIFICATION_TASK)
			.execute((instance, context) -> run.run(Long.parseLong(instance.getId())));
	}
}
