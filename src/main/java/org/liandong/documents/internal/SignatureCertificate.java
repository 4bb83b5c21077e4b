package org.liandong.documents.internal;

import java.math.BigInteger;
import java.util.Date;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.util.encoders.Hex;

/**
 * The self-issued X.509 certificate that a document's PDF signature carries for its bureau's SM2 key
 * (issue 19), made from the key's row whenever a PDF is signed, so nothing more is stored: serial
 * number the key's id, subject and issuer {@code CN=} the bureau's name as the document names it,
 * the key's public point on sm2p256v1, valid from the key's creation with no expiry
 * ({@code 99991231235959Z}, RFC 5280 §4.1.2.5), key usage digital signature and non-repudiation,
 * signed by the key itself. Nobody's trust rests on it: verification reads the key id from the serial
 * number and requires the certificate's public key to be the one the platform registered under that id.
 */
final class SignatureCertificate {

	private static final Time NO_EXPIRY = new Time(new ASN1GeneralizedTime("99991231235959Z"));

	private SignatureCertificate() {
	}

	static X509CertificateHolder of(KeyService.Key key, String bureauName, ContentSigner signedByTheKey) {
		X500Name bureau = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, bureauName).build();
		try {
			return new X509v3CertificateBuilder(bureau, BigInteger.valueOf(key.id()),
					new Time(Date.from(key.createdAt())), NO_EXPIRY, bureau, publicKeyInfo(key.publicKey()))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
				.build(signedByTheKey);
		}
		catch (CertIOException e) {
			throw new IllegalStateException("无法生成签名密钥 #" + key.id() + " 的证书", e);
		}
	}

	/** The key id a certificate names in its serial number, or -1 when it names none that could be one. */
	static long keyId(X509CertificateHolder certificate) {
		BigInteger serial = certificate.getSerialNumber();
		return serial.signum() > 0 && serial.bitLength() < 63 ? serial.longValue() : -1;
	}

	/** The certificate's public key as the platform writes public keys: the uncompressed point in hex. */
	static String publicKey(X509CertificateHolder certificate) {
		return Hex.toHexString(certificate.getSubjectPublicKeyInfo().getPublicKeyData().getOctets());
	}

	private static SubjectPublicKeyInfo publicKeyInfo(String publicKey) {
		return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
				GMObjectIdentifiers.sm2p256v1), Hex.decode(publicKey));
	}
}
