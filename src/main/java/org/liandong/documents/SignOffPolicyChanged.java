package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/** The system administrator changed whether a bureau's letters of a kind need a leader's sign-off (issue 23). */
public record SignOffPolicyChanged(String agencyCode, DocumentKind kind, boolean required) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "SIGN_OFF_POLICY_CHANGED";
	}

	@Override
	public String auditObjectType() {
		return "agency";
	}

	@Override
	public String auditObjectId() {
		return agencyCode;
	}

	@Override
	public String auditDetail() {
		return "%s：%s".formatted(kind.label(), required ? "须经本单位领导签发后方可发出" : "不需签发");
	}
}
