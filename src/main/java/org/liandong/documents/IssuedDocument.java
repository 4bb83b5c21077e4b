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
}
