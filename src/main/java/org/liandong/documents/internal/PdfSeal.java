package org.liandong.documents.internal;

import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * What a document's PDF carries for its verification, as custom entries of the PDF's document
 * information dictionary (issue 12): written by the layout's {@code <meta>} elements (see
 * {@code templates/documents/pdf/official.html}), read back on verification.
 *
 * <ul>
 * <li>{@code LiandongDocumentId}, {@code LiandongDocumentNumber} — which record to verify against</li>
 * <li>{@code LiandongIssuer} — the issuing agency's code</li>
 * <li>{@code LiandongKeyId} — the id of the SM2 key that signed</li>
 * <li>{@code LiandongContentDigest} — SM3 of the canonical form, hex</li>
 * <li>{@code LiandongSignature} — SM3withSM2 over the digest's bytes, Base64 DER</li>
 * <li>{@code LiandongCanonicalForm}, {@code LiandongSignatureAlgorithm} — the versions used</li>
 * </ul>
 */
record PdfSeal(Long documentId, String number, long keyId, String contentDigest, String signature) {

	static final String DOCUMENT_ID = "LiandongDocumentId";
	static final String NUMBER = "LiandongDocumentNumber";
	static final String KEY_ID = "LiandongKeyId";
	static final String DIGEST = "LiandongContentDigest";
	static final String SIGNATURE = "LiandongSignature";

	/** The seal in a PDF's information, or null when it has none or an incomplete one. */
	static PdfSeal read(PDDocumentInformation info) {
		if (info == null) {
			return null;
		}
		String number = blankToNull(info.getCustomMetadataValue(NUMBER));
		String keyId = blankToNull(info.getCustomMetadataValue(KEY_ID));
		String digest = blankToNull(info.getCustomMetadataValue(DIGEST));
		String signature = blankToNull(info.getCustomMetadataValue(SIGNATURE));
		if (number == null || keyId == null || digest == null || signature == null || !keyId.matches("\\d{1,18}")
				|| !digest.matches("[0-9a-fA-F]{64}")) {
			return null;
		}
		String id = blankToNull(info.getCustomMetadataValue(DOCUMENT_ID));
		return new PdfSeal(id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null, number,
				Long.parseLong(keyId), digest, signature);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
