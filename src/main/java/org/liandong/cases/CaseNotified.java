package org.liandong.cases;

import java.util.List;

import org.liandong.audit.AuditableEvent;

/** A bureau notified other bureaus of a case (R2.3). */
public record CaseNotified(long caseId, String number, String fromAgencyCode, List<String> recipientCodes)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CASE_NOTIFIED";
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
		return "向 %s 通报案件".formatted(String.join("、", recipientCodes));
	}
}
