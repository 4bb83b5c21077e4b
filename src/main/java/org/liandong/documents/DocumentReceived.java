package org.liandong.documents;

import org.liandong.audit.AuditableEvent;

/** An addressed agency first opened a signed document; its signed receipt was recorded (issue 12). */
public record DocumentReceived(long documentId, String number, String agencyCode, String agencyName, long keyId)
		implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DOCUMENT_RECEIVED";
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
		return "%s签收公文 %s（回执以 SM2 密钥 #%d 签名）".formatted(agencyName, number, keyId);
	}
}
