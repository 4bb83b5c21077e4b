package org.liandong.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.GregorianCalendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.ChineseTime;
import org.springframework.stereotype.Component;

/**
 * Puts a standard PDF signature (ISO 32000-1 §12.8) on a document's rendered PDF (issue 19), as
 * GB/T 38540 does for electronic seals: a signature dictionary ({@code /Type /Sig},
 * {@code /Filter /Adobe.PPKLite}, {@code /SubFilter /adbe.pkcs7.detached}) added as an incremental
 * update whose {@code /ByteRange} covers the whole file except the {@code /Contents} hole, and in
 * that hole a detached CMS SignedData (RFC 5652): SM3 digest (1.2.156.10197.1.401) of the byte
 * ranges in the signed attributes, SM3withSM2 signature (1.2.156.10197.1.501) by the key that signed
 * the document's record, and that key's {@link SignatureCertificate}.
 */
@Component
class PdfSigner {

	/** Room for the CMS: under 1 KB is used (certificate, attributes, signature). */
	static final int RESERVED_BYTES = 4096;

	private final KeyService keys;
	private final Clock clock;

	PdfSigner(KeyService keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** The rendered PDF of {@code document}, signed; a document issued before signing began stays as rendered. */
	byte[] sign(byte[] rendered, IssuedDocument document) {
		if (document.signature() == null) {
			return rendered;
		}
		KeyService.Key key = keys.key(document.signature().keyId()).orElseThrow(() -> new IllegalStateException(
				"公文 %s 的签名密钥 #%d 不存在".formatted(document.number(), document.signature().keyId())));
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		try (PDDocument pdf = Loader.loadPDF(rendered); SignatureOptions options = new SignatureOptions();
				ByteArrayOutputStream out = new ByteArrayOutputStream(rendered.length + 2 * RESERVED_BYTES + 4096)) {
			options.setPreferredSignatureSize(RESERVED_BYTES);
			pdf.addSignature(dictionary(document, now), options);
			ExternalSigningSupport external = pdf.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent(), key, document.issuerName(), now));
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("公文 " + document.number() + " 的 PDF 签名失败", e);
		}
	}

	private static PDSignature dictionary(IssuedDocument document, Instant now) {
		PDSignature signature = new PDSignature();
		signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
		signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
		signature.setName(document.issuerName());
		signature.setReason("公文 %s 的电子签章（SM2 密钥 #%d）".formatted(document.number(), document.signature().keyId()));
		signature.setSignDate(GregorianCalendar.from(now.atZone(ChineseTime.ZONE)));
		return signature;
	}

	/** The detached CMS SignedData over the byte ranges, signed by {@code key}. */
	private byte[] cms(InputStream byteRanges, KeyService.Key key, String bureauName, Instant now) throws IOException {
		X509CertificateHolder certificate = SignatureCertificate.of(key, bureauName,
				new Sm2ContentSigner(tbs -> keys.signWith(key, tbs)));
		ASN1EncodableVector signingTime = new ASN1EncodableVector();
		signingTime.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(now)))));
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
				.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signingTime)))
				.build(new Sm2ContentSigner(attributes -> keys.signWith(key, attributes)), certificate));
			generator.addCertificate(certificate);
			return generator.generate(new CMSProcessableByteArray(byteRanges.readAllBytes()), false).getEncoded("DER");
		}
		catch (CMSException | OperatorCreationException e) {
			throw new IllegalStateException("无法生成签名密钥 #" + key.id() + " 的 CMS 签名", e);
		}
	}
}
