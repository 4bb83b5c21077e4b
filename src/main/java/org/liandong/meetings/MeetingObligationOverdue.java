package org.liandong.meetings;

import java.time.Instant;

import org.liandong.audit.AuditedMissedDeadline;
import org.springframework.modulith.events.Externalized;

/** A member did not reply to a meeting notice in time, or an action item passed its deadline open. */
@Externalized("liandong.events::obligation.overdue")
public record MeetingObligationOverdue(String subjectType, long subjectId, String subjectName, String obligationLabel,
		String ownerAgencyCode, Instant dueAt) implements AuditedMissedDeadline {
}
