package org.liandong.credit;

import org.liandong.audit.AuditableEvent;

/** A step of the dishonest-list procedure (R4.2, R4.4): proposed and notified, defence, decided, repaired, expired. */
public record CreditEvent(long entryId, String subjectUscc, String action, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CREDIT_" + action;
	}

	@Override
	public String auditObjectType() {
		return "credit-entry";
	}

	@Override
	public String auditObjectId() {
		return subjectUscc + "#" + entryId;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
