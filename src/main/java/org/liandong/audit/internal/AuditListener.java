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

/**
 * Writes the audit rows for business events and sign-in activity. Listening synchronously keeps
 * a business change and its audit row in one transaction. Each HTTP Basic request of an API
 * client authenticates anew; those are not sign-ins and are not recorded, but their failures are.
 */
@Component
class AuditListener {

	private final AuditTrail trail;

	AuditListener(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
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
