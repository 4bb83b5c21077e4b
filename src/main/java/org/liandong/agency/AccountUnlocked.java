package org.liandong.agency;

import org.liandong.audit.AuditableEvent;

/** The security administrator lifted a lockout. */
public record AccountUnlocked(String username) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "ACCOUNT_UNLOCKED";
	}

	@Override
	public String auditObjectType() {
		return "user";
	}

	@Override
	public String auditObjectId() {
		return username;
	}

	@Override
	public String auditDetail() {
		return "解除账户锁定";
	}
}
