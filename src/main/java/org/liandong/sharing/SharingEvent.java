package org.liandong.sharing;

import org.liandong.audit.AuditableEvent;

/** Something shared: a schedule defined, a report submitted or revised, a post, a bulletin sent or acknowledged. */
public record SharingEvent(String objectType, long objectId, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "SHARING_" + action;
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
