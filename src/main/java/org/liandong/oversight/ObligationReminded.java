package org.liandong.oversight;

import java.time.Instant;

import org.liandong.audit.AuditableEvent;

/**
 * An obligation was due soon and its owner reminded (R7.1): published once per
 * obligation by the ledger's scan, whichever instance runs it.
 */
public record ObligationReminded(long obligationId, String subjectType, long subjectId, String subjectName,
		String obligation, String ownerAgencyCode, Instant dueAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "OBLIGATION_REMINDED";
	}

	@Override
	public String auditObjectType() {
		return "obligation";
	}

	@Override
	public String auditObjectId() {
		return Long.toString(obligationId);
	}

	@Override
	public String auditDetail() {
		return "提醒%s按期%s（%s）".formatted(ownerAgencyCode, obligation, subjectName);
	}
}
