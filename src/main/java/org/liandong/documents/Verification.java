package org.liandong.documents;

import java.time.Instant;

/**
 * The answer to "is this document authentic?" (issue 12): yes, with who issued it and when, or
 * exactly why not. {@code code} is one of {@code authentic}, {@code altered}, {@code unknown-key},
 * {@code revoked}, {@code unsigned}, {@code unknown-document}, {@code invalid-signature}, and for a
 * PDF whose signature over its bytes fails (issue 19) {@code incremental-update},
 * {@code incomplete-coverage}, {@code rewritten}, {@code truncated} or {@code bytes-altered}.
 * {@code fileSignature} is what was found of that signature when a PDF was verified, null when a
 * record was verified by its id.
 */
public record Verification(boolean authentic, String code, String reason, Long documentId, String issuerAgencyCode,
		String issuerName, String number, Instant issuedAt, Long keyId, String contentDigest,
		FileSignature fileSignature) {
}
