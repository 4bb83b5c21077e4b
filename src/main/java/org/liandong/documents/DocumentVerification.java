package org.liandong.documents;

import org.liandong.platform.SignedInUser;

/** Verifies the SM2 signature of issued documents, from a PDF alone or from a document id (issue 12). */
public interface DocumentVerification {

	/**
	 * Verifies a PDF the platform produced: reads the signature data embedded in its document
	 * information, recomputes the canonical digest from the stored record and checks both. Anyone
	 * holding the PDF may ask; a file that is not a PDF is refused with a Chinese message.
	 */
	Verification verifyPdf(byte[] content);

	/** Verifies the stored record of a document the reader may read. */
	Verification verify(long documentId, SignedInUser reader);
}
