package org.liandong.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** QR codes read back as a phone would, with ZXing's decoder (the platform draws them with its encoder). */
public final class QrCodes {

	private QrCodes() {
	}

	/** The text of a QR code image, or null when the image is none. */
	public static String decode(BufferedImage image) {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
					new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
		}
		catch (Exception notAQrCode) {
			return null;
		}
	}

	/** The texts of the QR codes among the images of a PDF's pages. */
	public static List<String> inPdf(byte[] pdfBytes) throws IOException {
		List<String> texts = new ArrayList<>();
		try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getXObjectNames()) {
					if (resources.getXObject(name) instanceof PDImageXObject image) {
						String text = decode(image.getImage());
						if (text != null) {
							texts.add(text);
						}
					}
				}
			}
		}
		return texts;
	}
}
