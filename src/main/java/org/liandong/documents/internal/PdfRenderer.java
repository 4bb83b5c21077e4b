package org.liandong.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.ChineseTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders an issued document as a PDF in the layout of GB/T 9704-2012 (A4, the issuing authority's
 * mark in red, the number, the red separator, title, addressee, body, issuer and date, page
 * numbers "— n —" at the outer corner; a signed document's red seal over the issuer's name and date,
 * which never fall alone onto a page, and a QR code of its {@link CheckLink}) from the XHTML template
 * {@code templates/documents/pdf/official.html}. The Chinese font is embedded as a subset of the
 * glyphs used; characters the font lacks are drawn by a second embedded font or left out, never
 * breaking the file.
 */
@Component
class PdfRenderer {

	static final String FAMILY = "Song";

	private final SpringTemplateEngine templates = new SpringTemplateEngine();
	private final Path font;

	/**
	 * Loaded fonts, lent to one render at a time: loading the collection reads the whole 21 MB file
	 * and costs more than the render itself, and a loaded font must not be shared between threads.
	 * At most one per processor is ever loaded (about 50 MB each).
	 */
	private final BlockingQueue<TrueTypeFont> fonts;
	private final AtomicInteger loaded = new AtomicInteger();
	private final int maxFonts = Math.max(2, Runtime.getRuntime().availableProcessors());
	private final String fontName;

	private final RedSeal seals;
	private final CheckLink checkLink;

	PdfRenderer(ResourceLoader resources, @Value("${liandong.documents.font:classpath:fonts/uming.ttc}") String font,
			@Value("${liandong.documents.font-name:UMingCN}") String fontName, CheckLink checkLink) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/documents/pdf/");
		resolver.setSuffix(".html");
		// XML mode: openhtmltopdf reads well-formed XHTML
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		templates.setTemplateResolver(resolver);
		this.font = file(resources.getResource(font));
		this.fonts = new ArrayBlockingQueue<>(maxFonts);
		this.fontName = fontName;
		this.seals = new RedSeal(this.font, fontName);
		this.checkLink = checkLink;
	}

	byte[] render(IssuedDocument document) {
		List<String> lines = Arrays.asList(document.body().split("\n"));
		// the first line of a letter is its addressee ("某某局："), printed flush left above the body
		boolean salutation = lines.size() > 1 && lines.get(0).endsWith("：");
		List<String> paragraphs = lines.subList(salutation ? 1 : 0, lines.size());
		Context context = new Context();
		context.setVariable("d", document);
		context.setVariable("salutation", salutation ? lines.get(0) : null);
		context.setVariable("body", paragraphs.isEmpty() ? List.of() : paragraphs.subList(0, paragraphs.size() - 1));
		context.setVariable("last", paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1));
		context.setVariable("seal", document.signature() == null ? null : seals.of(document.issuerName()));
		context.setVariable("qr", document.signature() == null ? null : QrCode.png(checkLink.of(document)));
		context.setVariable("markSize", markSize(document.issuerName()));
		context.setVariable("issuedOn", DateTimeFormatter.ofPattern("yyyy年M月d日")
			.format(document.issuedAt().atZone(ChineseTime.ZONE)));
		String xhtml = templates.process("official", context);
		TrueTypeFont face = borrowFont();
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType0Font song = PDType0Font.load(pdf, face, true);
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(pdf);
			builder.useFont(new PDFontSupplier(song), FAMILY, 400, FontStyle.NORMAL, true);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("公文 " + document.number() + " 生成 PDF 失败", e);
		}
		finally {
			fonts.offer(face);
		}
	}

	private TrueTypeFont borrowFont() {
		TrueTypeFont free = fonts.poll();
		if (free != null) {
			return free;
		}
		if (loaded.incrementAndGet() <= maxFonts) {
			return loadFont();
		}
		loaded.decrementAndGet();
		try {
			return fonts.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("等待公文字体时被中断", e);
		}
	}

	/** Kept open for the life of the application: the collection's data backs the font. */
	@SuppressWarnings("resource")
	private TrueTypeFont loadFont() {
		try {
			TrueTypeCollection collection = new TrueTypeCollection(font.toFile());
			TrueTypeFont face = collection.getFontByName(fontName);
			if (face == null) {
				throw new IllegalStateException("字体文件中没有 PostScript 名为 " + fontName + " 的字体");
			}
			return face;
		}
		catch (IOException e) {
			loaded.decrementAndGet();
			throw new UncheckedIOException("无法读取公文字体 " + font, e);
		}
	}

	/**
	 * The issuing authority's mark fills at most the width of the type area (156 mm, 442 pt) on one
	 * line: 34 pt for a short name, smaller for a long one.
	 */
	static double markSize(String issuer) {
		double perCharacter = 442.0 / Math.max(1, issuer.length()) / 1.12;
		return Math.floor(Math.min(34.0, perCharacter) * 10) / 10;
	}

	/** The font's file, copied once out of the application's archive when it is packed in it. */
	private static Path file(Resource resource) {
		try {
			if (resource.isFile()) {
				return resource.getFile().toPath();
			}
			Path copy = Files.createTempFile("liandong-font-", ".ttc");
			copy.toFile().deleteOnExit();
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return copy;
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取公文字体 " + resource, e);
		}
	}
}
