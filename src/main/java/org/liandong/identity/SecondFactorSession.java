package org.liandong.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Marks, in a person's session, that the sign-in passed its second step (or needed none). The
 * mark names the account, and every password sign-in clears it, so a session never carries it
 * over to another sign-in.
 */
public final class SecondFactorSession {

	private static final String PASSED = SecondFactorSession.class.getName() + ".PASSED";

	private SecondFactorSession() {
	}

	/** Records the passed second step; the session gets a new id, as at any change of privilege. */
	public static void passed(HttpServletRequest request, String username) {
		request.changeSessionId();
		request.getSession().setAttribute(PASSED, username);
	}

	/** Records that this sign-in needs no second step (none bound, none required by the roles). */
	public static void notNeeded(HttpServletRequest request, String username) {
		request.getSession().setAttribute(PASSED, username);
	}

	public static boolean hasPassed(HttpServletRequest request, String username) {
		HttpSession session = request.getSession(false);
		return session != null && username.equals(session.getAttribute(PASSED));
	}

	public static void clear(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PASSED);
		}
	}
}
