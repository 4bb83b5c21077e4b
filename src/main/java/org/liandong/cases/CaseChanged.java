package org.liandong.cases;

import org.liandong.audit.AuditableEvent;

/** A case was edited; {@code description} lists what changed. */
public record CaseChanged(long caseId, String number, String description) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CASE_CHANGED";
	}

	@Override
	public String auditObjectType() {
		return "case";
	}

	@Override
	public String auditObjectId() {
		return number;
	}

	@Override
	public String auditDetail() {
		return description;
	}
}
