package org.liandong.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * SM3withSM2 (OID 1.2.156.10197.1.501, GB/T 35275) for Bouncy Castle's certificate and CMS
 * builders, on the platform's own {@link Sm2}: collects what a builder signs and hands it to a
 * function, in practice {@link KeyService#signWith}, so the private key never leaves the key service.
 * One instance makes one signature.
 */
final class Sm2ContentSigner implements ContentSigner {

	static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);

	private final ByteArrayOutputStream signed = new ByteArrayOutputStream();
	private final UnaryOperator<byte[]> sign;

	/** {@code sign} gets the bytes to sign and gives back the DER-encoded SM2 signature (r, s). */
	Sm2ContentSigner(UnaryOperator<byte[]> sign) {
		this.sign = sign;
	}

	@Override
	public AlgorithmIdentifier getAlgorithmIdentifier() {
		return SM3_WITH_SM2;
	}

	@Override
	public OutputStream getOutputStream() {
		return signed;
	}

	@Override
	public byte[] getSignature() {
		return sign.apply(signed.toByteArray());
	}
}
