package org.liandong.documents;

/**
 * What the public check page tells the holder of a printed document (issue 21): whether the platform
 * issued a document with the id and digest of its QR code and, only if so, its title and addressee
 * with the signature's verdict to compare with the paper.
 *
 * @param verdict null when no document matches
 */
public record PrintedCheck(boolean found, String title, String addressee, Verification verdict) {

	static final PrintedCheck NOT_FOUND = new PrintedCheck(false, null, null, null);

	public static PrintedCheck notFound() {
		return NOT_FOUND;
	}
}
