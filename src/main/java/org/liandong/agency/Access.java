package org.liandong.agency;

/**
 * Authorization expressions shared by every module's controllers, so that "a business user" means
 * the same everywhere: anyone holding a business role, never an administrator (X2).
 */
public final class Access {

	public static final String BUSINESS_USER =
			"hasAnyRole('LEADER', 'LEGAL_OFFICER', 'DETACHMENT_OFFICER', 'ENFORCER', 'LIAISON')";

	public static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";

	public static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

	public static final String AUDIT_ADMIN = "hasRole('AUDIT_ADMIN')";

	private Access() {
	}
}
