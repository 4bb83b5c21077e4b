package org.liandong.audit;

import org.liandong.platform.MissedDeadline;

/**
 * A missed deadline (R7.1) as the audit trail records it (X1): one OBLIGATION_OVERDUE record per
 * miss, by the system, naming the subject and what its owner failed to do. The modules' overdue
 * events implement this rather than spelling out the same record each.
 */
public interface AuditedMissedDeadline extends MissedDeadline, AuditableEvent {

	@Override
	default String auditAction() {
		return "OBLIGATION_OVERDUE";
	}

	@Override
	default String auditObjectType() {
		return subjectType();
	}

	@Override
	default String auditObjectId() {
		return "#" + subjectId();
	}

	@Override
	default String auditDetail() {
		return "%s逾期未%s（%s）".formatted(ownerAgencyCode(), obligationLabel(), subjectName());
	}

	@Override
	default String auditActor() {
		return "system";
	}
}
