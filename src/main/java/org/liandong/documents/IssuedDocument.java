package org.liandong.documents;

import java.time.Instant;

/** An issued formal text with its document number. */
public record IssuedDocument(long id, DocumentKind kind, String number, String issuerAgencyCode, String issuerName,
		String title, String addressee, String body, String sourceType, String sourceId, Instant issuedAt,
		String issuedByName) {

	public String kindLabel() {
		return kind.label();
	}
}
