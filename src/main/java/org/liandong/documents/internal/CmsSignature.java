package org.liandong.documents.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.liandong.platform.Sm2;
import org.liandong.platform.Sm3;

/**
 * The detached CMS SignedData (RFC 5652 §5) in a PDF signature's {@code /Contents} (issue 19):
 * exactly one signer, with SM3 (1.2.156.10197.1.401) as its digest algorithm, SM3withSM2
 * (1.2.156.10197.1.501) as its signature algorithm, signed attributes, and the certificate it
 * names, whose serial number is the platform's key id ({@link SignatureCertificate}).
 */
record CmsSignature(SignerInformation signer, X509CertificateHolder certificate, long keyId) {

	/** What checking the signer with a registered key found, in the order checked. */
	enum Outcome {
		/** The signed attributes do not verify with the key. */
		INVALID,
		/** They verify, but their message digest is not the SM3 of the bytes the file has in the signed ranges. */
		BYTES_ALTERED,
		/** Both hold. */
		VALID
	}

	/**
	 * The CMS of a signature's {@code /Contents}, or null when it is not one this platform makes. The
	 * value is the DER encoding followed by the zeros that fill the rest of the reserved room.
	 */
	static CmsSignature read(byte[] cms) {
		try (ASN1InputStream in = new ASN1InputStream(cms)) {
			CMSSignedData data = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
			Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return null;
			}
			SignerInformation signer = signers.iterator().next();
			if (!GMObjectIdentifiers.sm3.getId().equals(signer.getDigestAlgOID())
					|| !GMObjectIdentifiers.sm2sign_with_sm3.getId().equals(signer.getEncryptionAlgOID())
					|| signer.getSignedAttributes() == null) {
				return null;
			}
			Collection<X509CertificateHolder> named = data.getCertificates().getMatches(signer.getSID());
			if (named.size() != 1) {
				return null;
			}
			X509CertificateHolder certificate = named.iterator().next();
			return new CmsSignature(signer, certificate, SignatureCertificate.keyId(certificate));
		}
		catch (IOException | CMSException | RuntimeException malformed) {
			return null;
		}
	}

	/** Whether the certificate carries {@code publicKey} (hex of the point), the one registered for its key id. */
	boolean certifies(String publicKey) {
		return SignatureCertificate.publicKey(certificate).equalsIgnoreCase(publicKey);
	}

	/**
	 * Checks the signature over the signed attributes with a public key registered on the platform
	 * (never the certificate's), then their message digest against the SM3 of {@code signedBytes}.
	 */
	Outcome verify(String publicKey, byte[] signedBytes) {
		try {
			if (!Sm2.verify(publicKey, signer.getEncodedSignedAttributes(),
					Base64.getEncoder().encodeToString(signer.getSignature()))) {
				return Outcome.INVALID;
			}
			AttributeTable attributes = signer.getSignedAttributes();
			Attribute messageDigest = attributes.get(CMSAttributes.messageDigest);
			if (messageDigest == null) {
				return Outcome.INVALID;
			}
			byte[] signedDigest = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
			return Arrays.equals(signedDigest, Sm3.digest(signedBytes)) ? Outcome.VALID : Outcome.BYTES_ALTERED;
		}
		catch (IOException | RuntimeException malformed) {
			return Outcome.INVALID;
		}
	}
}
