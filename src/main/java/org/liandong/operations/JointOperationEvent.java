package org.liandong.operations;

import org.liandong.audit.AuditableEvent;

/** Something of an operation happened: organised, confirmed, targets added, a team formed, a target inspected, concluded. */
public record JointOperationEvent(long operationId, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return "joint-operation";
	}

	@Override
	public String auditObjectId() {
		return "#" + operationId;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
