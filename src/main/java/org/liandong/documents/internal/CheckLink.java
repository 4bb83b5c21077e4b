package org.liandong.documents.internal;

import org.liandong.documents.IssuedDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address printed as a QR code on a signed document (issue 21): the public check page with the
 * document's id and its SM3 digest, {@code …/documents/check?id=7&d=<64 hex>}. Whoever holds the
 * paper learns from it whether the platform issued a document with that id and that content; the
 * digest is what a forger cannot guess, so the page shows nothing to someone without it. The digest
 * and the key stay off the letter's printed words.
 */
@Component
class CheckLink {

	private final String base;

	CheckLink(@Value("${liandong.documents.check-url:http://localhost:8080/documents/check}") String base) {
		this.base = base;
	}

	String of(IssuedDocument document) {
		return UriComponentsBuilder.fromUriString(base)
			.queryParam("id", document.id())
			.queryParam("d", document.signature().contentDigest())
			.build()
			.toUriString();
	}
}
