package org.liandong.identity.internal;

import org.liandong.identity.RolesChanged;
import org.liandong.identity.SecondFactorReset;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * A person whose roles change must not keep the old ones in an open session: their sessions end
 * and they sign in again with the new roles; so do those of a person whose second factor was reset. API calls authenticate anew each time and need nothing.
 * Sessions are in the database (Spring Session JDBC), found by the username they were opened for, so
 * every instance's sessions end; the next request on any instance is sent to sign in again.
 */
@Component
record SessionRevocation(SessionRegistry sessions) {

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
		// the session table is indexed by principal name; a registry backed by it cannot list all principals
		sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
	}
}
