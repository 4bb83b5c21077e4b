package org.liandong.agency.internal;

import org.liandong.agency.RolesChanged;
import org.liandong.agency.SecondFactorReset;
import org.liandong.platform.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * A person whose roles change must not keep the old ones in an open session: their sessions end
 * and they sign in again with the new roles; so do those of a person whose second factor was reset. API calls authenticate anew each time and need nothing.
 * The registry is per instance; several instances need shared sessions (Spring Session JDBC).
 */
@Component
class SessionRevocation {

	private final SessionRegistry sessions;

	SessionRevocation(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(RolesChanged changed) {
		end(changed.username());
	}

	/** A reset second factor ends the sessions that passed with it; the person binds anew at next sign-in. */
	@EventListener
	void on(SecondFactorReset reset) {
		end(reset.username());
	}

	private void end(String username) {
		sessions.getAllPrincipals()
			.stream()
			.filter(principal -> principal instanceof SignedInUser user && user.getUsername().equals(username))
			.flatMap(principal -> sessions.getAllSessions(principal, false).stream())
			.forEach(SessionInformation::expireNow);
	}
}
