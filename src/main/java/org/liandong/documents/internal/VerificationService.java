package org.liandong.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.util.encoders.Hex;
import org.liandong.documents.DocumentReceipt;
import org.liandong.documents.DocumentVerification;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.Verification;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies document signatures and receipts (issue 12, GB/T 39786-2021 §8.4). The stored record is
 * the reference: its canonical digest is recomputed and checked against the digest and SM2
 * signature made at issue time, with the public key the signature names. A PDF carries in its
 * document information what verification needs ({@link PdfSeal}); its embedded digest must equal
 * the recomputed one, so a PDF whose signature data was tampered with fails.
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
		PdfSeal seal;
		String text;
		try (PDDocument pdf = Loader.loadPDF(content)) {
			seal = PdfSeal.read(pdf.getDocumentInformation());
			text = words(pdf);
		}
		catch (IOException | RuntimeException unreadable) {
			throw DomainException.invalid("not-a-pdf", "上传的文件已损坏或加密，无法作为 PDF 读取，无法验证");
		}
		if (seal == null) {
			return new Verification(false, "unsigned",
					"该 PDF 中没有电子签章信息（不是本平台签章的公文，或签章信息已被删除），无法证明其真实性", null, null, null, null,
					null, null, null);
		}
		Optional<IssuedDocument> stored = jdbc.sql("select * from official_document where number = ?")
			.param(seal.number())
			.query((rs, n) -> DocumentService.document(rs))
			.optional();
		if (stored.isEmpty() || (seal.documentId() != null && seal.documentId() != stored.get().id())) {
			return new Verification(false, "unknown-document",
					"本平台没有文号为“%s”的公文，该 PDF 不是本平台印发的".formatted(seal.number()), null, null, null,
					seal.number(), null, seal.keyId(), seal.contentDigest());
		}
		Verification verdict = check(stored.get(), seal);
		// a genuine seal copied into another text: the printed words must be those of the record
		if (verdict.authentic() && !text.equals(printedWords(stored.get()))) {
			return verdict(stored.get(), false, "altered", "内容已被篡改：PDF 中的文字与公文 %s 的登记内容不一致"
				.formatted(stored.get().number()), seal.keyId());
		}
		return verdict;
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

	/** The text of a PDF without layout: line breaks and spacing differ between renderings, the words do not. */
	private static String words(PDDocument pdf) throws IOException {
		return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
	}

	@Override
	public Verification verify(long documentId, SignedInUser reader) {
		return check(documents.find(documentId, reader), null);
	}

	/**
	 * Checks the stored record of a document and, when verifying a PDF, the signature data it
	 * carries: in this order no signature, unknown key, revoked key, altered content, invalid signature.
	 */
	Verification check(IssuedDocument d, PdfSeal seal) {
		if (d.signature() == null) {
			return verdict(d, false, "unsigned", "公文 %s 印发时未签章（电子签章启用之前印发），无法验证".formatted(d.number()),
					null);
		}
		long keyId = seal != null ? seal.keyId() : d.signature().keyId();
		Optional<KeyService.Key> found = keys.key(keyId);
		if (found.isEmpty()) {
			return verdict(d, false, "unknown-key", "签名密钥 #%d 不存在（未知密钥），无法证明该公文的真实性".formatted(keyId), keyId);
		}
		KeyService.Key key = found.get();
		if (!key.agencyCode().equals(d.issuerAgencyCode()) || keyId != d.signature().keyId()) {
			return verdict(d, false, "invalid-signature",
					"签名密钥 #%d 不是签发该公文的密钥，签名无效".formatted(keyId), keyId);
		}
		if (key.revokedAt() != null) {
			return verdict(d, false, "revoked", "签名密钥 #%d 已于%s吊销（%s），以该密钥签名的公文不再视为有效".formatted(keyId,
					ChineseTime.format(key.revokedAt()), key.revokedReason()), keyId);
		}
		String recomputed = CanonicalForm.digest(CanonicalForm.document(d.kind(), d.number(), d.issuerAgencyCode(),
				d.issuerName(), d.addressee(), d.title(), d.body(), d.issuedAt()));
		if (!recomputed.equals(d.signature().contentDigest())) {
			return verdict(d, false, "altered", "内容已被篡改：公文记录的 SM3 摘要与签章时不一致", keyId);
		}
		if (!Sm2.verify(key.publicKey(), Hex.decode(recomputed), d.signature().signature())) {
			return verdict(d, false, "invalid-signature", "签名无效：公文记录的 SM2 签名与其摘要不符", keyId);
		}
		if (seal != null) {
			if (!recomputed.equalsIgnoreCase(seal.contentDigest())) {
				return verdict(d, false, "altered", "内容已被篡改：PDF 中的 SM3 摘要与公文 %s 的记录不一致".formatted(d.number()),
						keyId);
			}
			if (!Sm2.verify(key.publicKey(), Hex.decode(recomputed), seal.signature())) {
				return verdict(d, false, "invalid-signature", "签名无效：PDF 中的 SM2 签名与其摘要不符", keyId);
			}
		}
		return verdict(d, true, "authentic", "真实有效：%s于%s印发，SM2 密钥 #%d 签名验证通过，内容未被改动".formatted(d.issuerName(),
				ChineseTime.format(d.issuedAt()), keyId), keyId);
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

	private static Verification verdict(IssuedDocument d, boolean authentic, String code, String reason, Long keyId) {
		return new Verification(authentic, code, reason, d.id(), d.issuerAgencyCode(), d.issuerName(), d.number(),
				d.issuedAt(), keyId, d.signature() == null ? null : d.signature().contentDigest());
	}

	/** The header {@code %PDF-} within the first kilobyte, as PDF readers accept it. */
	private static boolean looksLikePdf(byte[] content) {
		String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
		return head.contains("%PDF-");
	}
}
