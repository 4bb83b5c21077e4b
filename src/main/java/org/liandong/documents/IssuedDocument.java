package org.liandong.documents;

import java.time.Instant;

/**
 * An issued formal text with its document number and, when issued since signing began
 * (issue 12), its SM2 signature; {@code signature} is null for older documents.
 */
public record IssuedDocument(long id, DocumentKind kind, String number, String issuerAgencyCode, String issuerName,
		String title, String addressee, String body, String sourceType, String sourceId, Instant issuedAt,
		String issuedByName, DocumentSignature signature) {

	public String kindLabel() {
		return kind.label();
	}

	/** The line printed on the document for its signature, e.g. 电子签章：…局 SM2 密钥 #3; null when unsigned. */
	public String sealLine() {
		return signature == null ? null : "电子签章：%s SM2 密钥 #%d（%s）".formatted(issuerName, signature.keyId(),
				signature.algorithm());
	}

	/** The printed digest line, SM3 摘要 followed by the hex digest; null when unsigned. */
	public String digestLine() {
		return signature == null ? null : "SM3 摘要 " + signature.contentDigest();
	}
}
