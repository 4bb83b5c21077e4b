package org.liandong.identity;

import java.util.List;

/**
 * The second factor of sign-in (issue 12, GB/T 22239-2019 L3-CES1-04): a time-based one-time
 * password (RFC 6238, 6 digits every 30 seconds, the common authenticator apps) bound by QR code,
 * single-use recovery codes, and the security administrator's policy of the roles that must use it.
 */
public interface SecondFactors {

	/** Whether the account uses a second factor and whether its roles require one. */
	SecondFactorStatus status(String username);

	/** Starts (or shows again) a binding: a new secret, not in force until confirmed with a first code. */
	Enrolment startEnrolment(String username);

	/** Puts the shown secret in force, given a first code from the app; the new recovery codes, shown once. */
	List<String> confirmEnrolment(String username, String code);

	/** Replaces the recovery codes, given a current code; the new ones, shown once. */
	List<String> regenerateRecoveryCodes(String username, String code);

	/** Switches the second factor off, given a current code; refused where the person's roles require it. */
	void disable(String username, String code);

	/** The security administrator removes an account's second factor (lost phone): it binds anew at next sign-in. */
	void reset(String username);

	/** Accounts that use a second factor or whose roles require one, for the security administrator. */
	List<SecondFactorStatus> overview();

	List<SecondFactorRule> policy();

	/** The security administrator makes the second factor mandatory, or optional, for a role. */
	SecondFactorRule changePolicy(Role role, boolean mandatory);
}
