package org.liandong.oversight;

import org.liandong.audit.AuditableEvent;

/** An accountability record was opened or decided. */
public record AccountabilityEvent(long recordId, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return "accountability";
	}

	@Override
	public String auditObjectId() {
		return "#" + recordId;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
