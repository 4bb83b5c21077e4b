package org.liandong.platform;

/**
 * Authorization expressions shared by every module's controllers, so that "a business user" means
 * the same everywhere: anyone holding a business role, never an administrator (X2).
 */
public final class Access {

	/**
	 * Integration clients (issue 20) hold INTEGRATION_CLIENT; their own security chain lets them reach
	 * only the read and check calls their scopes open, so no write guarded by this rule is theirs.
	 */
	public static final String BUSINESS_USER =
			"hasAnyRole('LEADER', 'LEGAL_OFFICER', 'DETACHMENT_OFFICER', 'ENFORCER', 'LIAISON', 'INTEGRATION_CLIENT')";

	/** Registers and edits cases: county enforcers and the city enforcement detachment. */
	public static final String CASE_OFFICER = "hasAnyRole('ENFORCER', 'DETACHMENT_OFFICER')";

	/** Notifies other bureaus of a case: case officers and the bureaus' liaisons. */
	public static final String CASE_NOTIFIER = "hasAnyRole('ENFORCER', 'DETACHMENT_OFFICER', 'LIAISON')";

	public static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";

	public static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

	public static final String AUDIT_ADMIN = "hasRole('AUDIT_ADMIN')";

	private Access() {
	}
}
