package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/** The system administrator set the document-number prefix of an agency. */
public record IssuerPrefixChanged(String agencyCode, String prefix) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "ISSUER_PREFIX_CHANGED";
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
		return "公文编号机关代字设为“%s”".formatted(prefix);
	}
}
