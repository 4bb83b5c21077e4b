package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/**
 * An agency's SM2 signing key was generated, rotated or revoked (issue 12).
 *
 * @param action {@code SIGNING_KEY_GENERATED}, {@code SIGNING_KEY_ROTATED} or {@code SIGNING_KEY_REVOKED}
 */
public record SigningKeyChanged(String action, long keyId, String agencyCode, String detail)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return "signing-key";
	}

	@Override
	public String auditObjectId() {
		return String.valueOf(keyId);
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
