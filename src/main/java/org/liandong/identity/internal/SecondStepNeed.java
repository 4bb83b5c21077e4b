package org.liandong.identity.internal;

/**
 * What a sign-in needs at its second step (issue 12, L3-CES1-04), as {@link SignInVerification}
 * finds it for the gate and the second-step page.
 */
enum SecondStepNeed {
	/** Nothing: no second factor bound and none required. */
	NONE,
	/** A one-time password (or a recovery code) of the bound authenticator. */
	CODE,
	/** The roles require a second factor and none is bound: bind one first. */
	ENROLMENT
}
