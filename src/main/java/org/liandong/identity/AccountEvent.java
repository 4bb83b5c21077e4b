package org.liandong.identity;

import org.liandong.audit.AuditableEvent;

/** Something that happened to a user account; audited against the username. */
public interface AccountEvent extends AuditableEvent {

	String username();

	@Override
	default String auditObjectType() {
		return "user";
	}

	@Override
	default String auditObjectId() {
		return username();
	}
}
