package org.liandong.identity;

/** A user account was created for a person of an agency. */
public record AccountCreated(String username, String displayName, String agencyCode) implements AccountEvent {

	@Override
	public String auditAction() {
		return "ACCOUNT_CREATED";
	}

	@Override
	public String auditDetail() {
		return "为“%s”（机构 %s）创建账户".formatted(displayName, agencyCode);
	}
}
