package org.liandong.cases;

/** A case entered the register. */
public record CaseRegistered(long caseId, String number, String hostAgencyCode, Severity severity)
		implements CaseEvent {

	@Override
	public String auditAction() {
		return "CASE_REGISTERED";
	}

	@Override
	public String auditDetail() {
		return "登记%s %s，主办机构 %s".formatted(severity.label(), number, hostAgencyCode);
	}
}
