package org.liandong.oversight;

import org.liandong.audit.AuditableEvent;

/** Something of inspections happened: an inspection recorded, a campaign planned or confirmed, a rectification reported. */
public record InspectionEvent(String objectType, long objectId, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return objectType;
	}

	@Override
	public String auditObjectId() {
		return "#" + objectId;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
