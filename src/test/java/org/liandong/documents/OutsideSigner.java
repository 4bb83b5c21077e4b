package org.liandong.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Date;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.encoders.Hex;

/**
 * PDF signatures made the way the platform makes them (issue 19), but by a test: an incremental
 * update with {@code /adbe.pkcs7.detached} and a detached CMS through Bouncy Castle's JCA provider
 * (SM3withSM2), not the platform's signer, with a key the test holds: a fresh one, or an agency's
 * read from the database as someone holding a leaked key could.
 */
final class OutsideSigner {

	private static final BouncyCastleProvider BC = new BouncyCastleProvider();
	private static final ECNamedCurveParameterSpec SM2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");

	private OutsideSigner() {
	}

	/** A new SM2 key pair that the platform has never seen. */
	static KeyPair freshKey() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
		generator.initialize(SM2);
		return generator.generateKeyPair();
	}

	/** An SM2 key pair as the platform stores it: private scalar and uncompressed public point, both hex. */
	static KeyPair key(String privateKey, String publicKey) throws GeneralSecurityException {
		KeyFactory keys = KeyFactory.getInstance("EC", BC);
		return new KeyPair(keys.generatePublic(new ECPublicKeySpec(SM2.getCurve().decodePoint(Hex.decode(publicKey)), SM2)),
				keys.generatePrivate(new ECPrivateKeySpec(new BigInteger(privateKey, 16), SM2)));
	}

	/** A platform PDF without its signature: the rendering before the incremental update that signed it. */
	static byte[] unsigned(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("%%EOF") + "%%EOF".length();
		return Arrays.copyOf(pdf, text.charAt(end) == '\n' ? end + 1 : end);
	}

	/**
	 * The PDF with one more signature, by {@code key}, whose certificate names {@code CN=bureau} and
	 * the serial number {@code serial} (the platform reads its key id from there).
	 */
	static byte[] sign(byte[] pdf, KeyPair key, long serial, String bureau) throws IOException {
		X509CertificateHolder certificate = certificate(key, serial, bureau);
		try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
			document.addSignature(signature, content -> {
				try {
					CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
					cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
							new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
						.build(signer(key.getPrivate()), certificate));
					cms.addCertificate(certificate);
					return cms.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
				}
				catch (OperatorCreationException | CMSException e) {
					throw new IOException(e);
				}
			});
			document.saveIncremental(out);
			return out.toByteArray();
		}
	}

	private static X509CertificateHolder certificate(KeyPair key, long serial, String bureau) throws IOException {
		X500Name name = new X500Name("CN=" + bureau);
		try {
			return new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial), new Date(),
					new Date(System.currentTimeMillis() + 86_400_000L), name, key.getPublic())
				.build(signer(key.getPrivate()));
		}
		catch (OperatorCreationException e) {
			throw new IOException(e);
		}
	}

	private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
		return new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(key);
	}
}
