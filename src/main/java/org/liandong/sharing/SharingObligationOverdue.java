package org.liandong.sharing;

import java.time.Instant;

import org.liandong.audit.AuditableEvent;
import org.liandong.platform.MissedDeadline;
import org.springframework.modulith.events.Externalized;

/** A report not submitted by its due time, or a bulletin not acknowledged within its window (then escalated). */
@Externalized("liandong.events::obligation.overdue")
public record SharingObligationOverdue(String subjectType, long subjectId, String subjectName, String obligationLabel,
		String ownerAgencyCode, Instant dueAt) implements MissedDeadline, AuditableEvent {

	@Override
	public String auditAction() {
		return "OBLIGATION_OVERDUE";
	}

	@Override
	public String auditObjectType() {
		return subjectType;
	}

	@Override
	public String auditObjectId() {
		return "#" + subjectId;
	}

	@Override
	public String auditDetail() {
		return "%s逾期未%s（%s）".formatted(ownerAgencyCode, obligationLabel, subjectName);
	}

	@Override
	public String auditActor() {
		return "system";
	}
}
