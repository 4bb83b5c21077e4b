package org.liandong.assistance;

import org.liandong.audit.AuditableEvent;

/**
 * Something the mechanism of major cases did (R2.5): {@code REPORTED} to the city bureau,
 * {@code DESIGNATED} by the legal office (with the agencies and roles in the detail),
 * {@code DECLINED}, or a designated agency's {@code TASK_REPORTED}; where the city's leader signs the
 * notice off (issue 23), the designation {@code SUBMITTED} for it, {@code SENT_BACK} or {@code DESIGNATED}.
 */
public record MajorCaseEvent(long reportId, long caseId, String caseNumber, Kind kind, String detail)
		implements AuditableEvent {

	public enum Kind {
		REPORTED, SUBMITTED, SENT_BACK, DESIGNATED, DECLINED, TASK_REPORTED
	}

	@Override
	public String auditAction() {
		return "MAJOR_CASE_" + kind.name();
	}

	@Override
	public String auditObjectType() {
		return "case";
	}

	@Override
	public String auditObjectId() {
		return caseNumber;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
