package org.liandong.meetings;

import java.time.Instant;

import org.liandong.audit.AuditableEvent;
import org.liandong.platform.MissedDeadline;
import org.springframework.modulith.events.Externalized;

/** A member did not reply to a meeting notice in time, or an action item passed its deadline open. */
@Externalized("liandong.events::obligation.overdue")
public record MeetingObligationOverdue(String subjectType, long subjectId, String subjectName, String obligationLabel,
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
