package org.liandong.cases;

import org.liandong.audit.AuditableEvent;

/** A case entered the register. */
public record CaseRegistered(long caseId, String number, String hostAgencyCode, Severity severity)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CASE_REGISTERED";
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
		return "登记%s %s，主办机构 %s".formatted(severity.label(), number, hostAgencyCode);
	}
}
