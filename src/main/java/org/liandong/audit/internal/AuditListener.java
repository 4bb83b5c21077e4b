package org.liandong.audit.internal;

import java.time.Clock;

import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditableEvent;
import org.liandong.platform.ClientAddress;
import org.liandong.platform.SignInFailure;
import org.liandong.platform.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records business events and sign-in activity. A business event's record is taken as the event is
 * published (actor, time and address as they are then) and kept with its transaction: the
 * transaction's records are written together just before it commits, in one insert, and chained once
 * it has committed ({@link AuditChainer}, issue 18); a transaction that rolls back writes none. Events
 * outside a transaction (sign-in) are kept in one of their own. Each HTTP Basic request of an API
 * client authenticates anew; those are not sign-ins and are not recorded, but their failures are.
 */
@Component
class AuditListener {

	private final AuditTrail trail;
	private final AuditChainer chainer;
	private final Clock clock;

	AuditListener(AuditTrail trail, AuditChainer chainer, Clock clock) {
		this.trail = trail;
		this.chainer = chainer;
		this.clock = clock;
	}

	@EventListener
	void on(AuditableEvent event) {
		SignedInUser user = event.auditActor() != null ? null : SignedInUser.current().orElse(null);
		String actor = event.auditActor() != null ? event.auditActor()
				: user == null ? JdbcAuditTrail.SYSTEM_ACTOR : user.getUsername();
		chainer.keep(new AuditTrail.Pending(clock.instant(), actor, user == null ? null : user.agencyCode(),
				event.auditAction(), event.auditObjectType(), event.auditObjectId(), event.auditDetail(),
				ClientAddress.current()));
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
