package org.liandong.cases;

import org.liandong.audit.AuditableEvent;

/** Something that happened to a case; audited against the case number. */
public interface CaseEvent extends AuditableEvent {

	long caseId();

	String number();

	@Override
	default String auditObjectType() {
		return "case";
	}

	@Override
	default String auditObjectId() {
		return number();
	}
}
