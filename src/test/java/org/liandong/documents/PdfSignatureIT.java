package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.liandong.platform.Sm3;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 19, item 2: an issued document's PDF carries a standard PDF signature (ISO 32000-1 §12.8,
 * as GB/T 38540 uses it for electronic seals) over the file's bytes, a detached CMS SignedData with
 * SM3 (1.2.156.10197.1.401) and SM2 with SM3 (1.2.156.10197.1.501) by the issuing bureau's key, and
 * verification refuses every file that is not byte for byte the one signed, saying what happened to
 * it. Each changed file is made here the way someone would make it: a flipped byte, an image laid
 * over page 1 with PDFBox's incremental save, a glyph of the embedded font redrawn in place (the
 * words stay the same, which the words comparison of issue 12 alone let through), the file cut off,
 * loaded and saved again whole, its signature range widened or moved off the start, its signature
 * value changed, a second signature added, the signature taken off, the file signed again by a key
 * the platform never registered.
 */
@LiandongIntegrationTest
class PdfSignatureIT {

	static final String XINHUA = "平顶山市新华区应急管理局";
	static final String SM3_OID = "1.2.156.10197.1.401";
	static final String SM2_WITH_SM3_OID = "1.2.156.10197.1.501";

	@LocalServerPort
	int port;

	/**
	 * The untouched file: one signature dictionary as ISO 32000-1 Table 252 has it, a range from 0 to
	 * the end of the file around the hex string of the CMS, the CMS read here with Bouncy Castle and
	 * its signature checked with the public key the platform publishes for the bureau, not with the
	 * platform's verification; then the platform says authentic, by API and on the page.
	 */
	@Test
	void the_untouched_file_verifies_and_its_one_signature_covers_all_of_it_with_the_bureaus_sm2_key()
			throws IOException, CMSException {
		Api xinhua = xinhua();
		long id = Fixtures.sentLetter(xinhua, "410403");
		byte[] pdf = pdf(xinhua, id);
		long keyId = xinhua.get("/api/v1/documents/" + id).json().path("signature").path("keyId").asLong();
		String publicKey = DocumentSignaturesIT.stream(xinhua.get("/api/v1/documents/signing-keys/agencies/410402")
			.json(), keyId).path("publicKey").asString();

		PDSignature signature = onlySignature(pdf);
		assertThat(signature.getCOSObject().getNameAsString(COSName.TYPE)).isEqualTo("Sig");
		assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
		assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
		int[] range = signature.getByteRange();
		assertThat(range).hasSize(4);
		assertThat(range[0]).isZero();
		assertThat(range[2] + range[3]).as("to the end of the file").isEqualTo(pdf.length);
		assertThat((char) pdf[range[1]]).isEqualTo('<');
		assertThat((char) pdf[range[2] - 1]).isEqualTo('>');

		byte[] signedBytes = signedBytes(pdf, range);
		CMSSignedData cms = new CMSSignedData(cms(pdf, range));
		Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
		assertThat(signers).hasSize(1);
		SignerInformation signer = signers.iterator().next();
		assertThat(signer.getDigestAlgOID()).isEqualTo(SM3_OID);
		assertThat(signer.getEncryptionAlgOID()).isEqualTo(SM2_WITH_SM3_OID);
		assertThat(cms.isDetachedSignature()).isTrue();
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
		assertThat(certificates).hasSize(1);
		X509CertificateHolder certificate = certificates.iterator().next();
		assertThat(certificate.getSubject().toString()).isEqualTo("CN=" + XINHUA);
		assertThat(certificate.getSerialNumber().longValueExact()).as("the key's id").isEqualTo(keyId);
		assertThat(Hex.toHexString(certificate.getSubjectPublicKeyInfo().getPublicKeyData().getOctets()))
			.as("the registered public key").isEqualTo(publicKey);
		byte[] messageDigest = ASN1OctetString.getInstance(signer.getSignedAttributes()
			.get(CMSAttributes.messageDigest)
			.getAttrValues()
			.getObjectAt(0)).getOctets();
		assertThat(messageDigest).as("SM3 of both ranges").isEqualTo(Sm3.digest(signedBytes));
		assertThat(DocumentSignaturesIT.verifies(publicKey, signer.getEncodedSignedAttributes(),
				Base64.getEncoder().encodeToString(signer.getSignature())))
			.as("SM3withSM2 over the signed attributes, with the bureau's registered public key").isTrue();

		JsonNode verdict = verify(pdf);
		assertThat(verdict.path("authentic").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.path("code").asString()).isEqualTo("authentic");
		JsonNode file = verdict.path("fileSignature");
		assertThat(file.path("intact").asBoolean()).isTrue();
		assertThat(file.path("fileLength").asLong()).isEqualTo(pdf.length);
		assertThat(file.path("byteRange").toString())
			.isEqualTo("[0,%d,%d,%d]".formatted(range[1], range[2], range[3]));
		assertThat(file.path("reason").asString()).contains("整个文件", "SM2 密钥 #" + keyId);
		assertThat(page(pdf)).contains("真实有效", XINHUA, "整个文件");
	}

	@Test
	void a_byte_flipped_in_the_middle_is_refused() {
		byte[] pdf = signedLetter();
		int[] range = range(pdf);
		int middle = pdf.length / 2;
		assertThat(middle).as("in the signed part before the signature value").isLessThan(range[1]);
		byte[] flipped = pdf.clone();
		flipped[middle] ^= 0x01;

		refused(flipped, "bytes-altered", "文件内容与签名不符（字节被改动）");
		assertThat(page(flipped)).contains("验证未通过", "文件内容与签名不符（字节被改动）");
	}

	@Test
	void an_image_laid_over_page_one_by_an_incremental_update_is_refused() throws IOException {
		byte[] pdf = signedLetter();
		byte[] overlaid = overlaid(pdf);
		assertThat(Arrays.copyOf(overlaid, pdf.length)).as("an incremental update keeps the signed bytes")
			.isEqualTo(pdf);
		try (PDDocument read = Loader.loadPDF(overlaid)) {
			assertThat(read.getPage(0).getResources().getXObjectNames()).as("the overlay is on page 1").isNotEmpty();
		}

		refused(overlaid, "incremental-update", "文件在签名后被追加修改（增量更新）");
	}

	/**
	 * A glyph of the embedded font redrawn and the font stream written back in place at its own
	 * length, so no offset moves and the words read from the file stay the same.
	 */
	@Test
	void a_glyph_redrawn_in_the_embedded_font_is_refused_though_the_words_are_the_same() throws IOException {
		byte[] pdf = signedLetter();
		byte[] redrawn = glyphRedrawn(pdf);
		assertThat(redrawn).hasSameSizeAs(pdf).isNotEqualTo(pdf);
		assertThat(words(redrawn)).as("text extraction sees no change").isEqualTo(words(pdf));
		assertThat(fontProgram(redrawn)).as("the glyph outlines changed").isNotEqualTo(fontProgram(pdf));

		refused(redrawn, "bytes-altered", "文件内容与签名不符（字节被改动）");
	}

	@Test
	void a_truncated_file_is_refused() {
		byte[] pdf = signedLetter();
		byte[] truncated = Arrays.copyOf(pdf, pdf.length - 100);

		refused(truncated, "truncated", "文件不完整（被截断）");
	}

	@Test
	void a_file_loaded_and_saved_again_whole_is_refused() throws IOException {
		byte[] pdf = signedLetter();
		byte[] resaved;
		try (PDDocument read = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			read.save(out);
			resaved = out.toByteArray();
		}
		assertThat(resaved).isNotEqualTo(pdf);
		assertThat(onlySignature(resaved).getByteRange()).as("the signature dictionary came along")
			.isEqualTo(range(pdf));

		refused(resaved, "rewritten", "文件在签名后被重新保存或改写");
	}

	/**
	 * The range edited in place: leaving ten more bytes before the signature value unsigned, or
	 * starting ten bytes into the file.
	 */
	@Test
	void a_signature_range_leaving_out_more_than_the_signature_value_is_refused() {
		byte[] pdf = signedLetter();
		int[] range = range(pdf);

		refused(withByteRange(pdf, 0, range[1] - 10, range[2], range[3]), "incomplete-coverage", "签名覆盖范围不完整");
		refused(withByteRange(pdf, 10, range[1] - 10, range[2], range[3]), "incomplete-coverage", "签名覆盖范围不完整");
	}

	/** A second signature after the bureau's, by a key the platform never saw, as an incremental update. */
	@Test
	void a_second_signature_added_later_is_refused() throws Exception {
		byte[] pdf = signedLetter();
		byte[] twice = OutsideSigner.sign(pdf, OutsideSigner.freshKey(), 1, XINHUA);
		try (PDDocument read = Loader.loadPDF(twice)) {
			assertThat(read.getSignatureDictionaries()).hasSize(2);
		}

		refused(twice, "incremental-update", "文件在签名后被追加修改（增量更新）");
	}

	/** The bureau's signature taken off (the rendering before it) leaves a PDF without one. */
	@Test
	void a_file_whose_signature_was_taken_off_is_refused() {
		byte[] stripped = OutsideSigner.unsigned(signedLetter());

		refused(stripped, "unsigned", "未找到电子签名");
	}

	/**
	 * The signature taken off and the whole file signed again by a forger's own key, whose certificate
	 * names the bureau and the bureau's key id, or a key id the platform never gave.
	 */
	@Test
	void a_file_signed_again_whole_by_another_key_in_the_bureaus_name_is_refused() throws Exception {
		Api xinhua = xinhua();
		long id = Fixtures.sentLetter(xinhua, "410403");
		long keyId = xinhua.get("/api/v1/documents/" + id).json().path("signature").path("keyId").asLong();
		byte[] forged = OutsideSigner.sign(OutsideSigner.unsigned(pdf(xinhua, id)), OutsideSigner.freshKey(), keyId,
				XINHUA);
		assertThat(range(forged)[2] + range(forged)[3]).as("signed whole").isEqualTo(forged.length);

		refused(forged, "invalid-signature", "签名无法用发文单位的公钥验证");
		refused(OutsideSigner.sign(OutsideSigner.unsigned(pdf(xinhua, id)), OutsideSigner.freshKey(), 987654321, XINHUA),
				"unknown-key", "签名证书（序列号 987654321）所指的 SM2 密钥在本平台不存在（未知密钥）");
	}

	/** One byte of the SM2 signature value changed inside the CMS, in place: the rest of the file is as signed. */
	@Test
	void a_signature_value_changed_in_place_does_not_verify_with_the_bureaus_key() throws CMSException {
		byte[] pdf = signedLetter();
		int[] range = range(pdf);
		byte[] cms = cms(pdf, range);
		byte[] value = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
		int at = indexOf(cms, value) + value.length / 2;
		cms[at] ^= 0x01;
		byte[] forged = pdf.clone();
		byte[] hex = Hex.toHexString(cms).toUpperCase().getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(hex, 0, forged, range[1] + 1, hex.length);

		refused(forged, "invalid-signature", "签名无法用发文单位的公钥验证");
	}

	void refused(byte[] file, String code, String reason) {
		JsonNode verdict = verify(file);
		assertThat(verdict.path("authentic").asBoolean()).as(verdict.toString()).isFalse();
		assertThat(verdict.path("code").asString()).as(verdict.toString()).isEqualTo(code);
		assertThat(verdict.path("reason").asString()).startsWith(reason);
		assertThat(verdict.path("fileSignature").path("intact").asBoolean()).isFalse();
		assertThat(verdict.path("fileSignature").path("reason").asString()).startsWith(reason);
		assertThat(verdict.path("documentId").isNumber()).as("nothing of a refused file is taken as the document's")
			.isFalse();
	}

	JsonNode verify(byte[] file) {
		Api.Reply reply = Api.at(port).as("weidong.enforcer", PASSWORD)
			.upload("/api/v1/documents/verify", "letter.pdf", "application/pdf", file);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	String page(byte[] file) {
		PageSession browser = new PageSession(port);
		browser.signIn("weidong.enforcer", PASSWORD);
		browser.get("/documents/verify");
		return browser.upload("/documents/verify", "letter.pdf", "application/pdf", file).html();
	}

	Api xinhua() {
		return Api.at(port).as("xinhua.enforcer", PASSWORD);
	}

	/** The PDF of a letter just issued by 新华区 to 卫东区 through the assistance flow. */
	byte[] signedLetter() {
		Api xinhua = xinhua();
		return pdf(xinhua, Fixtures.sentLetter(xinhua, "410403"));
	}

	static byte[] pdf(Api reader, long documentId) {
		return reader.getBytes("/api/v1/documents/" + documentId + ".pdf");
	}

	static PDSignature onlySignature(byte[] pdf) {
		try (PDDocument read = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = read.getSignatureDictionaries();
			assertThat(signatures).hasSize(1);
			return signatures.get(0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static int[] range(byte[] pdf) {
		return onlySignature(pdf).getByteRange();
	}

	static byte[] signedBytes(byte[] pdf, int[] range) {
		return ByteBuffer.allocate(range[1] + range[3])
			.put(pdf, range[0], range[1])
			.put(pdf, range[2], range[3])
			.array();
	}

	/** The CMS in the gap of the range, without the zeros that fill the rest of the gap. */
	static byte[] cms(byte[] pdf, int[] range) {
		byte[] value = Hex.decode(Arrays.copyOfRange(pdf, range[1] + 1, range[2] - 1));
		try (ASN1InputStream in = new ASN1InputStream(value)) {
			return in.readObject().getEncoded();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A red box drawn over page 1 and saved with PDFBox's incremental save. */
	static byte[] overlaid(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			BufferedImage box = new BufferedImage(160, 48, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = box.createGraphics();
			graphics.setColor(Color.RED);
			graphics.fillRect(0, 0, 160, 48);
			graphics.dispose();
			PDImageXObject image = LosslessFactory.createFromImage(document, box);
			PDPage first = document.getPage(0);
			try (PDPageContentStream content = new PDPageContentStream(document, first, AppendMode.APPEND, true, true)) {
				content.drawImage(image, 300, 600, 160, 48);
			}
			first.getCOSObject().setNeedToBeUpdated(true);
			first.getResources().getCOSObject().setNeedToBeUpdated(true);
			document.getPages().getCOSObject().setNeedToBeUpdated(true);
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			document.saveIncremental(out);
			return out.toByteArray();
		}
	}

	/** The range written anew in place: the same number of characters, spaces after {@code ]} as PDFBox leaves them. */
	static byte[] withByteRange(byte[] pdf, int... range) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int start = text.indexOf("/ByteRange [");
		int end = text.indexOf(']', start) + 1;
		while (text.charAt(end) == ' ') {
			end++;
		}
		String old = text.substring(start, end);
		String written = "/ByteRange [%d %d %d %d]".formatted(range[0], range[1], range[2], range[3]);
		assertThat(written.length()).isLessThanOrEqualTo(old.length());
		byte[] edited = pdf.clone();
		byte[] replacement = (written + " ".repeat(old.length() - written.length())).getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(replacement, 0, edited, start, replacement.length);
		return edited;
	}

	/**
	 * The embedded TrueType font with its largest glyph drawn as another one (the other's outline
	 * copied into its place in 'glyf', the rest zero), compressed again and written over the old
	 * stream data, padded with zeros to its length; the font's character map is untouched, so the
	 * text read from the file is the same.
	 */
	static byte[] glyphRedrawn(byte[] pdf) throws IOException {
		byte[] raw;
		byte[] program;
		try (PDDocument read = Loader.loadPDF(pdf)) {
			raw = readAll(fontStream(read).createRawInputStream());
			program = readAll(fontStream(read).createInputStream());
		}
		List<int[]> glyphs = drawnGlyphs(program);
		glyphs.sort((a, b) -> (b[1] - b[0]) - (a[1] - a[0]));
		int[] largest = glyphs.get(0);
		int[] other = glyphs.get(1);
		Arrays.fill(program, largest[0], largest[1], (byte) 0);
		System.arraycopy(program, other[0], program, largest[0], other[1] - other[0]);
		byte[] compressed = deflate(program);
		assertThat(compressed.length).as("fits where the old stream data was").isLessThanOrEqualTo(raw.length);
		int at = indexOf(pdf, raw);
		assertThat(indexOf(Arrays.copyOfRange(pdf, at + 1, pdf.length), raw)).as("found once").isNegative();
		byte[] redrawn = pdf.clone();
		Arrays.fill(redrawn, at, at + raw.length, (byte) 0);
		System.arraycopy(compressed, 0, redrawn, at, compressed.length);
		return redrawn;
	}

	/** Start and end in the font of each glyph with an outline, from its 'maxp', 'head', 'loca' and 'glyf' tables. */
	private static List<int[]> drawnGlyphs(byte[] font) {
		ByteBuffer data = ByteBuffer.wrap(font);
		Map<String, Integer> tables = new HashMap<>();
		for (int i = 0; i < (data.getShort(4) & 0xffff); i++) {
			int record = 12 + 16 * i;
			tables.put(new String(font, record, 4, StandardCharsets.US_ASCII), data.getInt(record + 8));
		}
		int glyf = tables.get("glyf");
		int loca = tables.get("loca");
		int count = data.getShort(tables.get("maxp") + 4) & 0xffff;
		boolean longOffsets = data.getShort(tables.get("head") + 50) == 1;
		List<int[]> glyphs = new ArrayList<>();
		for (int glyph = 1; glyph < count; glyph++) {
			int start = longOffsets ? data.getInt(loca + 4 * glyph) : 2 * (data.getShort(loca + 2 * glyph) & 0xffff);
			int end = longOffsets ? data.getInt(loca + 4 * glyph + 4)
					: 2 * (data.getShort(loca + 2 * glyph + 2) & 0xffff);
			if (end > start) {
				glyphs.add(new int[] { glyf + start, glyf + end });
			}
		}
		assertThat(glyphs).as("glyphs with an outline").hasSizeGreaterThan(1);
		return glyphs;
	}

	/** The decoded font program of the embedded font, to compare. */
	static byte[] fontProgram(byte[] pdf) throws IOException {
		try (PDDocument read = Loader.loadPDF(pdf)) {
			return readAll(fontStream(read).createInputStream());
		}
	}

	/** The FontFile2 stream of the Chinese font on page 1. */
	private static COSStream fontStream(PDDocument document) throws IOException {
		PDPage first = document.getPage(0);
		for (COSName name : first.getResources().getFontNames()) {
			if (first.getResources().getFont(name) instanceof PDType0Font type0) {
				return type0.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject();
			}
		}
		throw new AssertionError("no embedded TrueType font on page 1");
	}

	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	static String words(byte[] pdf) throws IOException {
		try (PDDocument read = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(read);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	static int indexOf(byte[] data, byte[] part) {
		outer: for (int i = 0; i <= data.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
