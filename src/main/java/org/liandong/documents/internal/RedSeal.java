package org.liandong.documents.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The visible electronic seal of a signed document (X3, GB/T 9704-2012 §7.3.5.1; issue 21): a red
 * round seal with the issuing agency's name along its upper arc and a five-pointed star in the
 * middle, drawn by the platform and printed over the issuer's name and date. Transparent but for
 * the seal's lines, so the words it presses on stay legible. Only a document with an SM2 signature
 * gets one: the seal shows the signature, it is not a separate claim.
 */
final class RedSeal {

	/** 42 mm, the size of a bureau's seal, at 12 pixels a millimetre (about 300 dpi). */
	static final int DIAMETER_MM = 42;
	private static final int PX_PER_MM = 12;
	private static final Color RED = new Color(230, 0, 18, 215);

	private final Path fontFile;
	private final String fontName;
	private final Map<String, String> drawn = new ConcurrentHashMap<>();
	private volatile Font font;

	RedSeal(Path fontFile, String fontName) {
		this.fontFile = fontFile;
		this.fontName = fontName;
	}

	/** The seal of an agency as a PNG data URI, drawn once per name. */
	String of(String agencyName) {
		return drawn.computeIfAbsent(agencyName, name -> QrCode.dataUri(draw(name)));
	}

	private BufferedImage draw(String name) {
		int size = DIAMETER_MM * PX_PER_MM;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(RED);
			double ring = 1.2 * PX_PER_MM;
			double center = size / 2.0;
			g.setStroke(new BasicStroke((float) ring));
			g.draw(new Ellipse2D.Double(ring / 2, ring / 2, size - ring, size - ring));
			g.fill(star(center, center, 7.0 * PX_PER_MM));
			drawName(g, name, center, center - ring - 0.8 * PX_PER_MM);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** The name along the upper arc, each character upright toward the rim, spread over at most 250°. */
	private void drawName(Graphics2D g, String name, double center, double radius) {
		int[] characters = name.codePoints().toArray();
		int count = Math.max(1, characters.length);
		double span = Math.toRadians(Math.min(250, 26.0 * count));
		double step = count == 1 ? 0 : span / (count - 1);
		double chord = count == 1 ? radius : 2 * radius * Math.sin(step / 2);
		float fontSize = (float) Math.min(7.2 * PX_PER_MM, chord * 0.92);
		Font face = font().deriveFont(fontSize);
		g.setFont(face);
		FontMetrics metrics = g.getFontMetrics();
		AffineTransform upright = g.getTransform();
		for (int i = 0; i < count && i < characters.length; i++) {
			String character = new String(Character.toChars(characters[i]));
			double angle = -span / 2 + i * step;
			g.setTransform(upright);
			g.translate(center, center);
			g.rotate(angle);
			g.drawString(character, (float) (-metrics.stringWidth(character) / 2.0),
					(float) (-radius + metrics.getAscent()));
		}
		g.setTransform(upright);
	}

	private static Path2D star(double cx, double cy, double outer) {
		double inner = outer * 0.382;
		Path2D star = new Path2D.Double();
		for (int i = 0; i < 10; i++) {
			double r = i % 2 == 0 ? outer : inner;
			double angle = -Math.PI / 2 + i * Math.PI / 5;
			double x = cx + r * Math.cos(angle);
			double y = cy + r * Math.sin(angle);
			if (i == 0) {
				star.moveTo(x, y);
			}
			else {
				star.lineTo(x, y);
			}
		}
		star.closePath();
		return star;
	}

	private Font font() {
		Font loaded = font;
		if (loaded == null) {
			synchronized (this) {
				if (font == null) {
					font = load();
				}
				loaded = font;
			}
		}
		return loaded;
	}

	private Font load() {
		try {
			Font[] faces = Font.createFonts(fontFile.toFile());
			return Arrays.stream(faces).filter(f -> f.getPSName().equalsIgnoreCase(fontName)).findFirst()
				.orElse(faces[0]);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取印章字体 " + fontFile, e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException("印章字体文件格式不受支持：" + fontFile, e);
		}
	}
}
