package org.liandong.audit.internal;

import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditableEvent;
import org.liandong.platform.SignInFailure;
import org.liandong.platform.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the audit rows for business events and sign-in activity. A business event is recorded
 * just before its transaction commits: the row commits or rolls back with the change, and the
 * chain head is locked last and only briefly, always after the business rows, so two transactions
 * never wait for each other in opposite orders. Events outside a transaction (sign-in) are
 * recorded at once. Each HTTP Basic request of an API
 * client authenticates anew; those are not sign-ins and are not recorded, but their failures are.
 */
@Component
class AuditListener {

	private final AuditTrail trail;

	AuditListener(AuditTrail trail) {
		this.trail = trail;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AuditableEvent event) {
		if (event.auditActor() != null) {
			trail.recordAs(event.auditActor(), null, event.auditAction(), event.auditObjectType(),
					event.auditObjectId(), event.auditDetail());
		}
		else {
			trail.record(event.auditAction(), event.auditObjectType(), event.auditObjectId(), event.auditDetail());
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
