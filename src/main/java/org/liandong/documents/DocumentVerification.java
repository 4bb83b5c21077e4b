package org.liandong.documents;

import org.liandong.platform.SignedInUser;

/** Verifies the SM2 signature of issued documents, from a PDF alone or from a document id (issue 12). */
public interface DocumentVerification {

	/**
	 * Verifies a PDF the platform produced: first its PDF signature (issue 19), which must cover the
	 * whole file and verify with the issuing bureau's registered SM2 key over the SM3 of the signed
	 * bytes; then the record its document information names, whose canonical digest is recomputed and
	 * checked. Anyone holding the PDF may ask; a file that is not a PDF is refused with a Chinese message.
	 */
	Verification verifyPdf(byte[] content);

	/** Verifies the stored record of a document the reader may read. */
	Verification verify(long documentId, SignedInUser reader);

	/**
	 * Checks a printed document by the id and SM3 digest its QR code carries (issue 21), for anyone,
	 * signed in or not: the record is shown only when both match, so an id alone reveals nothing.
	 */
	PrintedCheck checkPrinted(long documentId, String contentDigest);
}
