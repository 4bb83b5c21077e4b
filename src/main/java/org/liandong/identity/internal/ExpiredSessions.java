package org.liandong.identity.internal;

import org.liandong.platform.ClusterSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Page sessions live in the database (V23), shared by every instance. Spring Session would remove
 * the expired ones on a timer of its own in every instance; here the removal is a job run by one
 * instance at a time ({@link ClusterSchedule}), at the times of the same property,
 * {@code spring.session.jdbc.cleanup-cron}.
 */
@Configuration(proxyBeanMethods = false)
class ExpiredSessions {

	private static final String OFF = "-";

	/** After Boot's own customizer, which sets the cron from the property. */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> noSessionCleanupOnEveryInstance() {
		return sessions -> sessions.setCleanupCron(OFF);
	}

	@Bean
	RecurringTask<Void> expiredSessionsSchedule(JdbcIndexedSessionRepository sessions,
			@Value("${spring.session.jdbc.cleanup-cron:0 * * * * *}") String cron) {
		return ClusterSchedule.cron("expired-sessions", cron, sessions::cleanUpExpiredSessions);
	}
}
