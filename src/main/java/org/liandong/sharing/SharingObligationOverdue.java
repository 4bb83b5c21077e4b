package org.liandong.sharing;

import java.time.Instant;

import org.liandong.audit.AuditedMissedDeadline;
import org.springframework.modulith.events.Externalized;

/** A report not submitted by its due time, or a bulletin not acknowledged within its window (then escalated). */
@Externalized("liandong.events::obligation.overdue")
public record SharingObligationOverdue(String subjectType, long subjectId, String subjectName, String obligationLabel,
		String ownerAgencyCode, Instant dueAt) implements AuditedMissedDeadline {
}
