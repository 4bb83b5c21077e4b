package org.liandong.documents;

/**
 * The SM2 signature of a document (issue 12): made at issue time with the issuing agency's key
 * {@code keyId} over {@code contentDigest}, the SM3 digest of the document's canonical form.
 *
 * @param contentDigest lower-case hex of the SM3 digest of the canonical form
 * @param signature Base64 of the DER-encoded SM2 signature (r, s)
 */
public record DocumentSignature(long keyId, String contentDigest, String signature, String algorithm) {

	public static final String ALGORITHM = "SM3withSM2";
}
