package org.liandong.documents.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;

/**
 * SM2 signatures (GB/T 32918-2016) on the curve sm2p256v1 with SM3 (SM3withSM2), through Bouncy
 * Castle's lightweight API, with the default signer identity 1234567812345678 (GB/T 35276-2017).
 * Public keys are the uncompressed point 04||x||y in hex, private keys the scalar d in hex,
 * signatures Base64 of the DER sequence (r, s).
 */
final class Sm2 {

	private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
	private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
			CURVE.getN(), CURVE.getH());
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A key pair: public point and private scalar, both hex. */
	record KeyPair(String publicKey, String privateKey) {
	}

	private Sm2() {
	}

	static KeyPair generate() {
		ECKeyPairGenerator generator = new ECKeyPairGenerator();
		generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
		AsymmetricCipherKeyPair pair = generator.generateKeyPair();
		ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
		ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
		return new KeyPair(Hex.toHexString(pub.getQ().getEncoded(false)), priv.getD().toString(16));
	}

	static String sign(String privateKey, byte[] message) {
		SM2Signer signer = new SM2Signer();
		signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(privateKey, 16), DOMAIN),
				RANDOM));
		signer.update(message, 0, message.length);
		try {
			return Base64.getEncoder().encodeToString(signer.generateSignature());
		}
		catch (CryptoException e) {
			throw new IllegalStateException("SM2 签名失败", e);
		}
	}

	/** False for a wrong signature and for a malformed key or signature alike. */
	static boolean verify(String publicKey, byte[] message, String signature) {
		try {
			SM2Signer signer = new SM2Signer();
			signer.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(Hex.decode(publicKey)), DOMAIN));
			signer.update(message, 0, message.length);
			return signer.verifySignature(Base64.getDecoder().decode(signature));
		}
		catch (RuntimeException malformed) {
			return false;
		}
	}
}
