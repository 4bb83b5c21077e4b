package org.liandong.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.DocumentSignature;
import org.liandong.documents.IssuedDocument;
import org.liandong.support.QrCodes;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The letter's layout where GB/T 9704-2012 asks for it (issue 21, X3): the issuer's name and date
 * never stand alone on a page (§7.3.5: the standard adjusts the layout so they don't), a signed
 * document carries a red seal over them, and the digest and key are behind a QR code of the check
 * page instead of in the words a reader reads.
 */
class LetterLayoutTest {

	static final String ISSUER = "平顶山市新华区应急管理局";
	static final String DIGEST = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
	/** The issuer's name and the date as the page prints them, spaces aside. */
	static final String SIGNATURE = ISSUER + "2026年12月4日";
	static final String LAST = "经办人：新华区应急管理局 张三（0375-1234567）";

	final PdfRenderer renderer = new PdfRenderer(new DefaultResourceLoader(), "classpath:fonts/uming.ttc", "UMingCN",
			new CheckLink("https://liandong.example.gov.cn/documents/check"));

	/**
	 * The body's first paragraph grows half a line (14 characters) at a time over more than a page, so
	 * its end passes every line of a page break, among them the one where the body fills the page
	 * exactly and the issuer's name and date would go over alone: in every layout the last page must
	 * hold body text before them.
	 */
	@Test
	void the_issuer_and_date_never_stand_alone_on_a_page_wherever_the_body_ends() throws IOException {
		Set<Integer> pageCounts = new HashSet<>();
		for (int length = 280; length <= 980; length += 14) {
			String body = "平顶山市卫东区应急管理局：\n" + "核".repeat(length) + "\n" + LAST;
			try (PDDocument pdf = Loader.loadPDF(renderer.render(document(body, true)))) {
				int pages = pdf.getNumberOfPages();
				pageCounts.add(pages);
				int signed = pages;
				while (!text(pdf, signed, signed).contains(SIGNATURE)) {
					signed--;
				}
				String page = text(pdf, signed, signed);
				assertThat(page.indexOf(LAST.replaceAll("\\s", "")))
					.as("a body of %d + 1 paragraphs: page %d of %d, where the issuer signs, has body text before", length,
							signed, pages)
					.isGreaterThanOrEqualTo(0)
					.isLessThan(page.lastIndexOf(SIGNATURE));
			}
		}
		assertThat(pageCounts).as("the sweep crossed a page break").hasSizeGreaterThan(1);
	}

	@Test
	void a_signed_letter_has_a_red_seal_over_its_issuer_and_date_and_a_qr_code_of_its_check_page() throws IOException {
		byte[] bytes = renderer.render(document("平顶山市卫东区应急管理局：\n请协助核实。\n" + LAST, true));
		Files.createDirectories(Path.of("target/documents"));
		Files.write(Path.of("target/documents/signed-letter.pdf"), bytes);
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			PDPage page = pdf.getPage(0);
			String words = text(pdf, 1, 1);
			assertThat(words).as("the digest and key are not in the words a reader reads").doesNotContain(DIGEST)
				.doesNotContain("SM2密钥").contains("扫描二维码核验本公文真伪");

			List<Drawn> images = Drawn.on(page);
			assertThat(images).hasSize(2);
			Drawn qr = images.stream().filter(i -> i.image().getWidth() == i.image().getHeight() && QrCodes.decode(i.image()) != null)
				.findFirst().orElseThrow();
			assertThat(QrCodes.decode(qr.image())).isEqualTo("https://liandong.example.gov.cn/documents/check?id=42&d=" + DIGEST);

			Drawn seal = images.stream().filter(i -> i != qr).findFirst().orElseThrow();
			assertThat(seal.box().getWidth()).as("42 mm in points").isCloseTo(42 / 25.4 * 72, org.assertj.core.data.Offset.offset(1.0));
			int rim = seal.image().getRGB(seal.image().getWidth() / 2, 4);
			assertThat(new int[] { rim >>> 24, (rim >> 16) & 0xff, (rim >> 8) & 0xff, rim & 0xff })
				.as("the rim is translucent red (alpha, r, g, b)")
				.satisfies(argb -> assertThat(argb[0]).isBetween(150, 250))
				.satisfies(argb -> assertThat(argb[1]).isGreaterThan(200))
				.satisfies(argb -> assertThat(argb[2]).isLessThan(40));
			Rectangle2D signer = Drawn.textBox(page, ISSUER, 2);
			assertThat(seal.box().contains(signer.getCenterX(), signer.getCenterY()))
				.as("the seal %s lies over the issuer's name at %s", seal.box(), signer).isTrue();
		}
	}

	@Test
	void an_unsigned_document_has_neither_seal_nor_qr_code() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(renderer.render(document("平顶山市卫东区应急管理局：\n请协助核实。\n" + LAST, false)))) {
			assertThat(Drawn.on(pdf.getPage(0))).isEmpty();
			assertThat(text(pdf, 1, 1)).doesNotContain("二维码");
		}
	}

	/**
	 * A PDF downloaded before issue 21 printed the key and digest after the note; verification compares
	 * a file's words with a fresh rendering's only up to the note, page numbers aside, so such a file
	 * still verifies, while a changed word of the body does not.
	 */
	@Test
	void the_words_verification_compares_are_those_up_to_the_note_whatever_the_layout_printed_after() throws IOException {
		IssuedDocument signed = document("平顶山市卫东区应急管理局：\n请协助核实。\n" + LAST, true);
		String fresh;
		try (PDDocument pdf = Loader.loadPDF(renderer.render(signed))) {
			fresh = text(pdf, 1, pdf.getNumberOfPages());
		}
		String upToNote = fresh.substring(0, fresh.indexOf("（协助调查函，经办：张三）") + "（协助调查函，经办：张三）".length());
		String earlierLayout = upToNote.replace("—1—", "") + "电子签章：" + ISSUER + "SM2密钥#3（SM3withSM2）SM3摘要" + DIGEST + "—1—";

		assertThat(VerificationService.documentWords(earlierLayout, signed))
			.isEqualTo(VerificationService.documentWords(fresh, signed));
		assertThat(VerificationService.documentWords(earlierLayout.replace("请协助核实", "请协助核查"), signed))
			.isNotEqualTo(VerificationService.documentWords(fresh, signed));
	}

	static IssuedDocument document(String body, boolean signed) {
		return new IssuedDocument(42, DocumentKind.ASSISTANCE_LETTER, "新华应急协〔2026〕7号", "410402", ISSUER,
				"关于商请协助调查某某公司有关情况的函", "平顶山市卫东区应急管理局", body, "assistance-request", "1",
				Instant.parse("2026-12-04T02:00:00Z"), "张三",
				signed ? new DocumentSignature(3, DIGEST, "MEUCIQ==", DocumentSignature.ALGORITHM) : null);
	}

	static String text(PDDocument pdf, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(pdf).replaceAll("\\s+", "");
	}

	/** An image drawn on a page, with the box it fills in the page's coordinates (points, origin bottom left). */
	record Drawn(BufferedImage image, Rectangle2D box) {

		static List<Drawn> on(PDPage page) throws IOException {
			List<Drawn> drawn = new ArrayList<>();
			new PDFGraphicsStreamEngine(page) {

				@Override
				public void drawImage(PDImage pdImage) throws IOException {
					Matrix at = getGraphicsState().getCurrentTransformationMatrix();
					BufferedImage image = pdImage instanceof PDImageXObject x ? x.getImage() : pdImage.getImage();
					drawn.add(new Drawn(image, new Rectangle2D.Double(at.getTranslateX(), at.getTranslateY(),
							at.getScalingFactorX(), at.getScalingFactorY())));
				}

				@Override
				public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
						java.awt.geom.Point2D p3) {
				}

				@Override
				public void clip(int windingRule) {
				}

				@Override
				public void moveTo(float x, float y) {
				}

				@Override
				public void lineTo(float x, float y) {
				}

				@Override
				public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
				}

				@Override
				public java.awt.geom.Point2D getCurrentPoint() {
					return new java.awt.geom.Point2D.Float();
				}

				@Override
				public void closePath() {
				}

				@Override
				public void endPath() {
				}

				@Override
				public void strokePath() {
				}

				@Override
				public void fillPath(int windingRule) {
				}

				@Override
				public void fillAndStrokePath(int windingRule) {
				}

				@Override
				public void shadingFill(COSName shadingName) {
				}

				{
					processPage(page);
				}
			};
			return drawn;
		}

		/** The box of the nth occurrence (1 the first) of a text on a page, in the same coordinates. */
		static Rectangle2D textBox(PDPage page, String text, int occurrence) throws IOException {
			List<TextPosition> glyphs = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {

				@Override
				protected void processTextPosition(TextPosition glyph) {
					if (!glyph.getUnicode().isBlank()) {
						glyphs.add(glyph);
					}
				}
			};
			try (PDDocument single = new PDDocument()) {
				single.addPage(page);
				stripper.getText(single);
			}
			StringBuilder all = new StringBuilder();
			glyphs.forEach(g -> all.append(g.getUnicode()));
			int at = -1;
			for (int i = 0; i < occurrence; i++) {
				at = all.indexOf(text, at + 1);
			}
			TextPosition first = glyphs.get(at);
			TextPosition last = glyphs.get(at + text.length() - 1);
			float height = page.getMediaBox().getHeight();
			return new Rectangle2D.Double(first.getX(), height - first.getY(), last.getX() + last.getWidth() - first.getX(),
					first.getHeight());
		}
	}
}
