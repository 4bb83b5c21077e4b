package org.liandong.documents;

import java.time.Instant;

/** An agency's SM2 signing key as anyone may see it: its public half and its state. */
public record SigningKeyView(long id, String agencyCode, String algorithm, String publicKey, Instant createdAt,
		boolean current, Instant retiredAt, Instant revokedAt, String revokedReason) {
}
