package org.liandong.documents.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.liandong.documents.DocumentKind;
import org.liandong.platform.Sm3;

/**
 * The canonical forms that SM2 signatures are made over (issue 12, GB/T 39786-2021 §8.4).
 *
 * <p>A canonical form is UTF-8 text: a header line naming the form and its version, then one line
 * per field in a fixed order, each {@code name:length:value\n}, where {@code length} is the number
 * of UTF-8 bytes of {@code value} in decimal. The length makes every field unambiguous whatever it
 * contains (colons, line breaks). Times are UTC to the second, {@code yyyy-MM-dd'T'HH:mm:ss'Z'}.
 *
 * <pre>
 * liandong-document:1
 * kind:17:ASSISTANCE_LETTER
 * number:30:新华应急协〔2026〕7号
 * issuer:6:410402
 * issuerName:36:平顶山市新华区应急管理局
 * addressee:…
 * title:…
 * body:…            (paragraphs separated by \n, as stored)
 * issuedAt:20:2026-11-26T02:26:07Z
 * </pre>
 *
 * The document's digest is SM3 of these bytes; the signature is SM3withSM2 over the 32 bytes of
 * that digest. A receipt's form is {@code liandong-receipt:1} with fields {@code number},
 * {@code digest} (the document's digest, hex), {@code agency} (the receiving agency's code) and
 * {@code receivedAt}; its signature is SM3withSM2 over the SM3 digest of those bytes. An evidence's form
 * is {@code liandong-evidence:1} with {@code number}, {@code digest}, {@code stage}, {@code agency},
 * {@code counterpart}, {@code actor}, {@code note} and {@code at}, signed the same way.
 */
final class CanonicalForm {

	static final String DOCUMENT_HEADER = "liandong-document:1";
	static final String RECEIPT_HEADER = "liandong-receipt:1";
	static final String EVIDENCE_HEADER = "liandong-evidence:1";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder text;

	private CanonicalForm(String header) {
		this.text = new StringBuilder(header).append('\n');
	}

	static String document(DocumentKind kind, String number, String issuerCode, String issuerName, String addressee,
			String title, String body, Instant issuedAt) {
		return new CanonicalForm(DOCUMENT_HEADER).field("kind", kind.name())
			.field("number", number)
			.field("issuer", issuerCode)
			.field("issuerName", issuerName)
			.field("addressee", addressee)
			.field("title", title)
			.field("body", body)
			.field("issuedAt", TIME.format(issuedAt))
			.text.toString();
	}

	static String receipt(String number, String documentDigest, String agencyCode, Instant receivedAt) {
		return new CanonicalForm(RECEIPT_HEADER).field("number", number)
			.field("digest", documentDigest)
			.field("agency", agencyCode)
			.field("receivedAt", TIME.format(receivedAt))
			.text.toString();
	}

	/**
	 * The evidence of one stage of a letter (issue 23, after e-CODEX): the letter's number and digest, the
	 * stage, the agency whose key signs it, the other agency the stage concerns (the addressee of a
	 * delivery; empty otherwise), the person, a note and the time.
	 */
	static String evidence(String number, String documentDigest, String stage, String agencyCode, String counterpart,
			String actorName, String note, Instant at) {
		return new CanonicalForm(EVIDENCE_HEADER).field("number", number)
			.field("digest", documentDigest)
			.field("stage", stage)
			.field("agency", agencyCode)
			.field("counterpart", counterpart == null ? "" : counterpart)
			.field("actor", actorName == null ? "" : actorName)
			.field("note", note == null ? "" : note)
			.field("at", TIME.format(at))
			.text.toString();
	}

	/** Lower-case hex of the SM3 digest of the form's UTF-8 bytes. */
	static String digest(String canonical) {
		return Sm3.hex(canonical);
	}

	private CanonicalForm field(String name, String value) {
		String v = value == null ? "" : value;
		text.append(name).append(':').append(v.getBytes(StandardCharsets.UTF_8).length).append(':').append(v)
			.append('\n');
		return this;
	}
}
