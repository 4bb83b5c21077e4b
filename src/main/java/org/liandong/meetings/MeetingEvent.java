package org.liandong.meetings;

import org.liandong.audit.AuditableEvent;

/** Something of the joint meeting happened: convened, a reply, minutes recorded, an item done, a norm changed. */
public record MeetingEvent(String objectType, long objectId, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "MEETING_" + action;
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
