package org.liandong.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditableEvent;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.SignInFailure;
import org.liandong.platform.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the audit rows for business events and sign-in activity. The records of a transaction's
 * business events are kept as the events are published (actor, time and address as they are then)
 * and written together just before it commits (issue 18): one lock of the chain head, one batch of
 * rows, one update of the head, whatever the number of events, so the head is locked last, after
 * every business row, and only for that moment; the rows commit or roll back with the change, and
 * a transaction that rolls back writes none. Events outside a transaction (sign-in) are recorded at
 * once. Each HTTP Basic request of an API client authenticates anew; those are not sign-ins and are
 * not recorded, but their failures are.
 */
@Component
class AuditListener {

	private final AuditTrail trail;
	private final Clock clock;

	AuditListener(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@EventListener
	void on(AuditableEvent event) {
		SignedInUser user = event.auditActor() != null ? null : SignedInUser.current().orElse(null);
		String actor = event.auditActor() != null ? event.auditActor()
				: user == null ? JdbcAuditTrail.SYSTEM_ACTOR : user.getUsername();
		AuditTrail.Pending pending = new AuditTrail.Pending(clock.instant(), actor, user == null ? null : user.agencyCode(),
				event.auditAction(), event.auditObjectType(), event.auditObjectId(), event.auditDetail(),
				ClientAddress.current());
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			batch().records.add(pending);
		}
		else {
			trail.recordAll(List.of(pending));
		}
	}

	/** The transaction's batch, registered with its first record (a suspended outer transaction keeps its own). */
	private Batch batch() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Batch batch) {
				return batch;
			}
		}
		Batch batch = new Batch(trail);
		TransactionSynchronizationManager.registerSynchronization(batch);
		return batch;
	}

	/** The records of one transaction, appended to the chain in its last moment before the commit. */
	private static final class Batch implements TransactionSynchronization {

		private final AuditTrail trail;
		private final List<AuditTrail.Pending> records = new ArrayList<>();

		Batch(AuditTrail trail) {
			this.trail = trail;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			trail.recordAll(records);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		trail.recordAs(authentication.getName(), agencyOf(authentication), "LOGIN", "user", authentication.getName(),
				"登录成功");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String attempted = event.getAuthentication().getName();
		trail.recordAs(attempted, null, "LOGIN_FAILED", "user", attempted,
				"登录失败：" + SignInFailure.describe(event.getException()));
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		trail.recordAs(authentication.getName(), agencyOf(authentication), "LOGOUT", "user", authentication.getName(),
				"退出登录");
	}

	private static String agencyOf(Authentication authentication) {
		return authentication.getPrincipal() instanceof SignedInUser user ? user.agencyCode() : null;
	}
}
