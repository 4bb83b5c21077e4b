package org.liandong.documents;

import java.time.Instant;

/**
 * The signed evidence of one stage of a letter (issue 23): what happened, when, by whom, signed with the
 * SM2 key of the agency that acted (for a delivery, the sender's, the platform delivering for it; for an
 * opening, the receipt the addressee signed). Whether the signature holds is checked each time it is read.
 *
 * @param counterpart the other agency the stage concerns: the addressee of a delivery, else null
 * @param canonical the exact text signed (its SM3 digest is what the SM2 signature covers)
 * @param verified the signature verifies with a key of the acting agency that is not revoked
 * @param verification why not, in Chinese, or a confirmation
 */
public record DocumentEvidence(long documentId, EvidenceStage stage, String stageLabel, Instant at, String agencyCode,
		String agencyName, String counterpartCode, String counterpartName, String actorName, String note, long keyId,
		String canonical, String digest, String signature, boolean verified, String verification) {
}
