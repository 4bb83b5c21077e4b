package org.liandong.documents;

import java.util.List;

import org.liandong.platform.SignedInUser;

/**
 * Official documents (X3): numbering per issuer prefix, kind and year, and the record of each
 * formal text. Modules issue documents in the transaction of the act they record, so a rolled back
 * act gives its number back and numbers have no gaps.
 */
public interface Documents {

	IssuedDocument issue(NewDocument document);

	/** A document for a reader: its issuer, its addressees and the city bureau; others get not found. */
	IssuedDocument find(long id, SignedInUser reader);

	/**
	 * A document opened by a reader on its page or as its PDF: as {@link #find}, and the first time a
	 * user of an addressed agency (a reader other than the issuer) opens a signed document, the
	 * agency's signed receipt is recorded (issue 12).
	 */
	IssuedDocument open(long id, SignedInUser reader);

	/** The receipts of a document the reader may read, in the order received, each with its signature checked. */
	List<DocumentReceipt> receipts(long id, SignedInUser reader);

	/**
	 * The signed evidences of a letter the reader may read (issue 23): issued, delivered, opened by each
	 * addressee, and its answer's stages, in time order, each with its signature checked; the same for the
	 * sender and the addressees.
	 */
	List<DocumentEvidence> evidences(long id, SignedInUser reader);

	/**
	 * The letter with its evidences as one file for a court or an inspector: a ZIP with the signed PDF, the
	 * evidences with the exact texts signed and the public keys, and how to check them with any SM2 tool.
	 */
	byte[] evidencePackage(long id, SignedInUser reader);

	/**
	 * Records a stage of the letter's way (the acting agency's act, signed with its key), in the caller's
	 * transaction: accepted, returned, forwarded, answered.
	 */
	void attest(IssuedDocument letter, EvidenceStage stage, SignedInUser actor, String note);

	/** The documents issued for one thing of a module, oldest first, without access checks. */
	List<IssuedDocument> issuedFor(String sourceType, String sourceId);

	/** The documents issued for several things of one type, oldest first, in one read (a list's page, issue 18). */
	List<IssuedDocument> issuedForAll(String sourceType, java.util.Collection<String> sourceIds);

	/** The documents of one thing of a module that the reader may read, oldest first. */
	List<IssuedDocument> readableFor(String sourceType, String sourceId, SignedInUser reader);

	/**
	 * Lets another agency read the documents issued so far for one thing of a module, as when a request
	 * is forwarded to the bureau that will handle it (issue 22); those it reads already stay as they are.
	 *
	 * @return how many documents it may newly read
	 */
	int share(String sourceType, String sourceId, String agencyCode);

	/** The wording the document would be issued with now, without a number or a signature (issue 23). */
	LetterDraft preview(NewDocument document);

	/** The document as a PDF in the layout of GB/T 9704-2012, for a reader who may read it. */
	byte[] pdf(long id, SignedInUser reader);

	/** The prefix an agency's document numbers start with, e.g. 新华应急. */
	String prefixOf(String agencyCode);

	/** Sets an agency's prefix (system administrator); numbers already given keep theirs. */
	String setPrefix(String agencyCode, String prefix);
}
