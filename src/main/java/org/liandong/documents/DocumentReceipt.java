package org.liandong.documents;

import java.time.Instant;

/**
 * Proof that an addressed agency received a signed document: recorded when one of its users first
 * opened it, signed with that agency's own SM2 key over document digest, agency and time. Whether
 * the signature holds is checked each time the receipt is read.
 *
 * @param verified the signature verifies with a key of the receiving agency that is not revoked
 * @param verification why not, in Chinese, or a confirmation
 */
public record DocumentReceipt(long documentId, String agencyCode, String agencyName, Instant receivedAt,
		String receivedByName, long keyId, String signature, boolean verified, String verification) {
}
