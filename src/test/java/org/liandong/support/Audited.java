package org.liandong.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.liandong.audit.AuditTrail;
import org.liandong.support.Audited;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The audit records committed so far, chained before a test reads {@code audit_record} itself: a
 * record reaches the chain moments after its transaction commits (issue 18), and a test reads faster
 * than that. The application's own reads of the trail chain first themselves.
 */
public final class Audited {

	private static final Set<AuditTrail> TRAILS = ConcurrentHashMap.newKeySet();

	private Audited() {
	}

	/** Chains, on every application context of this test run that is open, what it has committed. */
	public static void chained() {
		TRAILS.forEach(AuditTrail::chainPending);
	}

	/** Part of every {@link LiandongIntegrationTest} context: its trail known here while the context is open. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Registration implements InitializingBean, DisposableBean {

		private final AuditTrail trail;

		Registration(AuditTrail trail) {
			this.trail = trail;
		}

		@Override
		public void afterPropertiesSet() {
			TRAILS.add(trail);
		}

		@Override
		public void destroy() {
			TRAILS.remove(trail);
		}
	}
}
