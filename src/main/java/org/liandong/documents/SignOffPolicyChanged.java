package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/** The system administrator changed who approves a bureau's letters of a kind before they leave (issue 23). */
public record SignOffPolicyChanged(String agencyCode, DocumentKind kind, Approval approval) implements AuditableEvent {

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
		return "%s：%s".formatted(kind.label(), switch (approval) {
			case NONE -> "不需签发，由经办人直接发出";
			case SIGN_OFF -> "须经本单位领导签发后方可发出";
			case REVIEW_AND_SIGN_OFF -> "须经本单位法制审核、再经领导签发后方可发出";
		});
	}
}
