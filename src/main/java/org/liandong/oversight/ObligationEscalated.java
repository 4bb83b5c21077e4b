package org.liandong.oversight;

import java.time.Instant;

import org.liandong.audit.AuditableEvent;
import org.springframework.modulith.events.Externalized;

/**
 * An obligation was found missed and escalated to the city bureau (R7.1): published once per
 * obligation by the ledger's scan, whichever instance runs it.
 */
@Externalized("liandong.events::obligation.escalated")
public record ObligationEscalated(long obligationId, String subjectType, long subjectId, String subjectName,
		String obligation, String ownerAgencyCode, String cityAgencyCode, Instant dueAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "OBLIGATION_ESCALATED";
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
		return "%s逾期未%s（%s），已报市局督办".formatted(ownerAgencyCode, obligation, subjectName);
	}
}
