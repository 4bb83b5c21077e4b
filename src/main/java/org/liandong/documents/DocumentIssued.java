package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/** A formal text was issued under a document number. */
public record DocumentIssued(long documentId, String number, DocumentKind kind, String issuerAgencyCode,
		String title) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DOCUMENT_ISSUED";
	}

	@Override
	public String auditObjectType() {
		return "document";
	}

	@Override
	public String auditObjectId() {
		return number;
	}

	@Override
	public String auditDetail() {
		return "印发%s《%s》".formatted(kind.label(), title);
	}
}
