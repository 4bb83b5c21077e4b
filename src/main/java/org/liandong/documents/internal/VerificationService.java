package org.liandong.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.util.encoders.Hex;
import org.liandong.documents.DocumentReceipt;
import org.liandong.documents.DocumentVerification;
import org.liandong.documents.Documents;
import org.liandong.documents.FileSignature;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.PrintedCheck;
import org.liandong.documents.Verification;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm2;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies document signatures and receipts (issue 12, GB/T 39786-2021 §8.4). The stored record is
 * the reference: its canonical digest is recomputed and checked against the digest and SM2
 * signature made at issue time, with the public key the signature names. A PDF is first held to its
 * PDF signature over the file's bytes (issue 19): signed whole, once, by a key the platform
 * registered, not a byte changed since ({@link SignedPdf}, {@link CmsSignature}); then the record its
 * document information names ({@link PdfSeal}) is checked as above, its embedded digest must equal
 * the recomputed one and its printed words those of the record.
 */
@Service
@Transactional(readOnly = true)
class VerificationService implements DocumentVerification {

	private final JdbcClient jdbc;
	private final KeyService keys;
	private final Documents documents;
	private final PdfRenderer renderer;

	VerificationService(JdbcClient jdbc, KeyService keys, @Lazy Documents documents, PdfRenderer renderer) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.documents = documents;
		this.renderer = renderer;
	}

	@Override
	public Verification verifyPdf(byte[] content) {
		if (content == null || content.length == 0) {
			throw DomainException.invalid("empty-file", "请选择要验证的 PDF 文件（文件不能为空）");
		}
		if (!looksLikePdf(content)) {
			throw DomainException.invalid("not-a-pdf", "上传的文件不是 PDF 文件，无法验证；请上传本平台印发的公文 PDF");
		}
		PDDocument pdf;
		try {
			pdf = Loader.loadPDF(content);
		}
		catch (IOException | RuntimeException unreadable) {
			throw unreadable();
		}
		try (pdf) {
			return verifyPdf(content, pdf);
		}
		catch (IOException unreadable) {
			throw unreadable();
		}
	}

	/**
	 * First the PDF signature over the file's bytes ({@link SignedPdf}, {@link CmsSignature}): the
	 * whole file signed once, with a key the platform registered, and not a byte changed since; then
	 * the record the file's document information names, as {@link #check} does for a record.
	 */
	private Verification verifyPdf(byte[] content, PDDocument pdf) throws IOException {
		SignedPdf.Reading reading;
		try {
			reading = SignedPdf.read(content, pdf);
		}
		catch (RuntimeException malformed) {
			throw unreadable();
		}
		if (reading instanceof SignedPdf.Refused refused) {
			return unverified(refused.code(), refused.reason(), null,
					new FileSignature(false, refused.reason(), refused.byteRange(), content.length));
		}
		SignedPdf.Covered covered = (SignedPdf.Covered) reading;
		CmsSignature cms = CmsSignature.read(covered.cms());
		if (cms == null) {
			return fileRefused("invalid-signature", "签名无法用发文单位的公钥验证：签名值不是本平台的 SM3withSM2 CMS 签名（一个签名者，附签名证书）",
					null, covered, content);
		}
		Optional<KeyService.Key> key = keys.key(cms.keyId());
		if (key.isEmpty()) {
			return fileRefused("unknown-key", "签名证书（序列号 %s）所指的 SM2 密钥在本平台不存在（未知密钥），无法验证签名"
				.formatted(cms.certificate().getSerialNumber()), null, covered, content);
		}
		String publicKey = key.get().publicKey();
		if (!cms.certifies(publicKey)) {
			return fileRefused("invalid-signature", "签名无法用发文单位的公钥验证：签名证书中的公钥不是本平台为 SM2 密钥 #%d 登记的公钥"
				.formatted(cms.keyId()), cms.keyId(), covered, content);
		}
		CmsSignature.Outcome outcome = cms.verify(publicKey, covered.signedBytes());
		if (outcome == CmsSignature.Outcome.INVALID) {
			return fileRefused("invalid-signature", "签名无法用发文单位的公钥验证（SM2 密钥 #%d）".formatted(cms.keyId()),
					cms.keyId(), covered, content);
		}
		if (outcome == CmsSignature.Outcome.BYTES_ALTERED) {
			return fileRefused("bytes-altered", "文件内容与签名不符（字节被改动）：签名范围内的 %d 个字节的 SM3 摘要与签名时的不同"
				.formatted(covered.signedBytes().length), cms.keyId(), covered, content);
		}
		FileSignature file = new FileSignature(true, "整个文件（%d 字节，签名值除外）均在 SM2 密钥 #%d 的签名范围内，签名后未被改动"
			.formatted(content.length, cms.keyId()), covered.byteRange(), content.length);
		return verifyRecord(PdfSeal.read(pdf.getDocumentInformation()), cms.keyId(), file, pdf);
	}

	/** The record the signed file names, checked as by id, and the file's printed words against the record's. */
	private Verification verifyRecord(PdfSeal seal, long fileKeyId, FileSignature file, PDDocument pdf)
			throws IOException {
		if (seal == null) {
			return unverified("unsigned", "该 PDF 中没有公文签章信息（文号、签名密钥、SM3 摘要），无法对应到本平台的公文", fileKeyId, file);
		}
		Optional<IssuedDocument> stored = jdbc.sql("select * from official_document where number = ?")
			.param(seal.number())
			.query((rs, n) -> DocumentService.document(rs))
			.optional();
		if (stored.isEmpty() || (seal.documentId() != null && seal.documentId() != stored.get().id())) {
			return new Verification(false, "unknown-document",
					"本平台没有文号为“%s”的公文，该 PDF 不是本平台印发的".formatted(seal.number()), null, null, null,
					seal.number(), null, seal.keyId(), seal.contentDigest(), file);
		}
		Verification verdict = check(stored.get(), seal, file);
		if (!verdict.authentic()) {
			return verdict;
		}
		if (fileKeyId != seal.keyId()) {
			return verdict(stored.get(), false, "invalid-signature", "PDF 的电子签名所用 SM2 密钥 #%d 不是签发公文 %s 的密钥 #%d"
				.formatted(fileKeyId, stored.get().number(), seal.keyId()), fileKeyId, file);
		}
		// a genuine seal over another text: the printed words must be those of the record
		if (!documentWords(words(pdf), stored.get()).equals(documentWords(printedWords(stored.get()), stored.get()))) {
			return verdict(stored.get(), false, "altered", "内容已被篡改：PDF 中的文字与公文 %s 的登记内容不一致"
				.formatted(stored.get().number()), seal.keyId(), file);
		}
		return verdict;
	}

	private static Verification fileRefused(String code, String reason, Long keyId, SignedPdf.Covered covered,
			byte[] content) {
		return unverified(code, reason, keyId, new FileSignature(false, reason, covered.byteRange(), content.length));
	}

	/** A PDF refused before any record was found: nothing in it can be taken as the document's. */
	private static Verification unverified(String code, String reason, Long keyId, FileSignature file) {
		return new Verification(false, code, reason, null, null, null, null, null, keyId, null, file);
	}

	private static DomainException unreadable() {
		return DomainException.invalid("not-a-pdf", "上传的文件已损坏或加密，无法作为 PDF 读取，无法验证");
	}

	/** The words the platform prints for the record, as a fresh PDF of it shows them. */
	private String printedWords(IssuedDocument document) {
		try (PDDocument pdf = Loader.loadPDF(renderer.render(document))) {
			return words(pdf);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The words of a document as its record fixes them, from the issuer's mark to the note: without
	 * page numbers and without what follows the note, which the layout has changed over time (the
	 * signature line and digest printed until issue 21, the check code's caption since), so a PDF
	 * downloaded before a layout change still compares with a fresh rendering.
	 */
	static String documentWords(String words, IssuedDocument document) {
		String withoutPageNumbers = words.replaceAll("—\\d+—", "");
		String note = ("（" + document.kindLabel() + "，经办：" + document.issuedByName() + "）").replaceAll("\\s+", "");
		int end = withoutPageNumbers.lastIndexOf(note);
		return end < 0 ? withoutPageNumbers : withoutPageNumbers.substring(0, end + note.length());
	}

	/** The text of a PDF without layout: line breaks and spacing differ between renderings, the words do not. */
	private static String words(PDDocument pdf) throws IOException {
		return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
	}

	@Override
	public Verification verify(long documentId, SignedInUser reader) {
		return check(documents.find(documentId, reader), null, null);
	}

	@Override
	public PrintedCheck checkPrinted(long documentId, String contentDigest) {
		if (contentDigest == null || !contentDigest.matches("[0-9a-fA-F]{64}")) {
			return PrintedCheck.notFound();
		}
		Optional<IssuedDocument> stored = jdbc.sql("select * from official_document where id = ?")
			.param(documentId)
			.query((rs, n) -> DocumentService.document(rs))
			.optional()
			.filter(d -> d.signature() != null && MessageDigest.isEqual(
					d.signature().contentDigest().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
					contentDigest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
		return stored.map(d -> new PrintedCheck(true, d.title(), d.addressee(), check(d, null, null)))
			.orElseGet(PrintedCheck::notFound);
	}

	/**
	 * Checks the stored record of a document and, when verifying a PDF, the signature data it
	 * carries: in this order no signature, unknown key, revoked key, altered content, invalid signature.
	 */
	Verification check(IssuedDocument d, PdfSeal seal, FileSignature file) {
		if (d.signature() == null) {
			return verdict(d, false, "unsigned", "公文 %s 印发时未签章（电子签章启用之前印发），无法验证".formatted(d.number()),
					null, file);
		}
		long keyId = seal != null ? seal.keyId() : d.signature().keyId();
		Optional<KeyService.Key> found = keys.key(keyId);
		if (found.isEmpty()) {
			return verdict(d, false, "unknown-key", "签名密钥 #%d 不存在（未知密钥），无法证明该公文的真实性".formatted(keyId), keyId, file);
		}
		KeyService.Key key = found.get();
		if (!key.agencyCode().equals(d.issuerAgencyCode()) || keyId != d.signature().keyId()) {
			return verdict(d, false, "invalid-signature",
					"签名密钥 #%d 不是签发该公文的密钥，签名无效".formatted(keyId), keyId, file);
		}
		if (key.revokedAt() != null) {
			return verdict(d, false, "revoked", "签名密钥 #%d 已于%s吊销（%s），以该密钥签名的公文不再视为有效".formatted(keyId,
					ChineseTime.format(key.revokedAt()), key.revokedReason()), keyId, file);
		}
		String recomputed = CanonicalForm.digest(CanonicalForm.document(d.kind(), d.number(), d.issuerAgencyCode(),
				d.issuerName(), d.addressee(), d.title(), d.body(), d.issuedAt()));
		if (!recomputed.equals(d.signature().contentDigest())) {
			return verdict(d, false, "altered", "内容已被篡改：公文记录的 SM3 摘要与签章时不一致", keyId, file);
		}
		if (!Sm2.verify(key.publicKey(), Hex.decode(recomputed), d.signature().signature())) {
			return verdict(d, false, "invalid-signature", "签名无效：公文记录的 SM2 签名与其摘要不符", keyId, file);
		}
		if (seal != null) {
			if (!recomputed.equalsIgnoreCase(seal.contentDigest())) {
				return verdict(d, false, "altered", "内容已被篡改：PDF 中的 SM3 摘要与公文 %s 的记录不一致".formatted(d.number()),
						keyId, file);
			}
			if (!Sm2.verify(key.publicKey(), Hex.decode(recomputed), seal.signature())) {
				return verdict(d, false, "invalid-signature", "签名无效：PDF 中的 SM2 签名与其摘要不符", keyId, file);
			}
		}
		return verdict(d, true, "authentic", "真实有效：%s于%s印发，SM2 密钥 #%d 签名验证通过，内容未被改动".formatted(d.issuerName(),
				ChineseTime.format(d.issuedAt()), keyId), keyId, file);
	}

	/**
	 * A receipt as read back, its signature checked: it must be made with a key of the receiving
	 * agency itself (a third agency's key does not count), not revoked, over this document's digest,
	 * the receiving agency and the time received.
	 */
	DocumentReceipt receipt(IssuedDocument d, String agency, String agencyName, Instant receivedAt, String byName,
			long keyId, String signature) {
		Optional<KeyService.Key> key = keys.key(keyId);
		String problem = null;
		if (key.isEmpty()) {
			problem = "回执签名密钥 #%d 不存在".formatted(keyId);
		}
		else if (!key.get().agencyCode().equals(agency)) {
			problem = "回执签名密钥 #%d 不属于接收单位%s，回执无效（可能系伪造）".formatted(keyId, agencyName);
		}
		else if (key.get().revokedAt() != null) {
			problem = "回执签名密钥 #%d 已吊销".formatted(keyId);
		}
		else if (d.signature() == null || !Sm2.verify(key.get().publicKey(), Hex.decode(CanonicalForm.digest(
				CanonicalForm.receipt(d.number(), d.signature().contentDigest(), agency, receivedAt))), signature)) {
			problem = "回执签名无效（回执内容或签名已被改动）";
		}
		return new DocumentReceipt(d.id(), agency, agencyName, receivedAt, byName, keyId, signature, problem == null,
				problem == null ? "回执签名有效（%s SM2 密钥 #%d）".formatted(agencyName, keyId) : problem);
	}

	private static Verification verdict(IssuedDocument d, boolean authentic, String code, String reason, Long keyId,
			FileSignature file) {
		return new Verification(authentic, code, reason, d.id(), d.issuerAgencyCode(), d.issuerName(), d.number(),
				d.issuedAt(), keyId, d.signature() == null ? null : d.signature().contentDigest(), file);
	}

	/** The header {@code %PDF-} within the first kilobyte, as PDF readers accept it. */
	private static boolean looksLikePdf(byte[] content) {
		String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
		return head.contains("%PDF-");
	}
}
