package org.liandong.platform;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * SM2 signatures (GB/T 32918-2016) on the curve sm2p256v1 with SM3 (SM3withSM2), through Bouncy
 * Castle's lightweight API, with the default signer identity 1234567812345678 (GB/T 35276-2017).
 * Public keys are the uncompressed point 04||x||y in hex, private keys the scalar d in hex,
 * signatures Base64 of the DER sequence (r, s). The agencies' document keys (documents) and the
 * audit trail's checkpoint key (audit) both sign with it.
 */
public final class Sm2 {

	/**
	 * The curve with Bouncy Castle's own field arithmetic for sm2p256v1 (issue 18): the same parameters as
	 * {@code GMNamedCurves}' generic curve, whose big-integer arithmetic made a signature about ten times slower.
	 */
	private static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
	private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
			CURVE.getN(), CURVE.getH());
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A key pair: public point and private scalar, both hex. */
	public record KeyPair(String publicKey, String privateKey) {
	}

	private Sm2() {
	}

	public static KeyPair generate() {
		ECKeyPairGenerator generator = new ECKeyPairGenerator();
		generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
		AsymmetricCipherKeyPair pair = generator.generateKeyPair();
		ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
		ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
		return new KeyPair(Hex.toHexString(pub.getQ().getEncoded(false)), priv.getD().toString(16));
	}

	/**
	 * The public key P = d·G of a private key given in hex (upper or lower case). A scalar outside
	 * [1, n - 2], which the standard does not allow as a private key, or text that is no hex number,
	 * is refused.
	 */
	public static String publicKeyOf(String privateKey) {
		BigInteger d;
		try {
			d = new BigInteger(privateKey.strip(), 16);
		}
		catch (NumberFormatException notHex) {
			throw new IllegalArgumentException("SM2 私钥应为十六进制数", notHex);
		}
		if (d.signum() <= 0 || d.compareTo(CURVE.getN().subtract(BigInteger.ONE)) >= 0) {
			throw new IllegalArgumentException("SM2 私钥须在 1 与 n-2 之间（GB/T 32918.1-2016 第 6.1 条）");
		}
		return Hex.toHexString(CURVE.getG().multiply(d).normalize().getEncoded(false));
	}

	/**
	 * Signs with the key pair's private scalar. The pair's public point is the one its signatures are checked
	 * against; a public point that is not d·G gives signatures that do not verify.
	 */
	public static String sign(KeyPair key, byte[] message) {
		return sign(key, message, RANDOM);
	}

	/** With the random k drawn from {@code random}: the standard's example gives its k (Sm2KnownAnswerTest). */
	static String sign(KeyPair key, byte[] message, SecureRandom random) {
		BigInteger d = new BigInteger(key.privateKey(), 16);
		SM2Signer signer = new KnownPublicPointSigner(d, CURVE.getCurve().decodePoint(Hex.decode(key.publicKey())));
		signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), random));
		signer.update(message, 0, message.length);
		try {
			return Base64.getEncoder().encodeToString(signer.generateSignature());
		}
		catch (CryptoException e) {
			throw new IllegalStateException("SM2 签名失败", e);
		}
	}

	/**
	 * Bouncy Castle's signer, told the public point it would otherwise derive from d as it starts (issue 18): that
	 * scalar multiplication cost as much as the signature's own k·G, and a stored key's public point is known. Every
	 * other multiplication goes to the signer's own fixed-point multiplier.
	 */
	private static final class KnownPublicPointSigner extends SM2Signer {

		private final BigInteger d;
		private final ECPoint publicPoint;

		KnownPublicPointSigner(BigInteger d, ECPoint publicPoint) {
			this.d = d;
			this.publicPoint = publicPoint;
		}

		@Override
		protected ECMultiplier createBasePointMultiplier() {
			ECMultiplier multiplier = super.createBasePointMultiplier();
			return (point, k) -> k.equals(d) && point.equals(DOMAIN.getG()) ? publicPoint : multiplier.multiply(point, k);
		}
	}

	/** False for a wrong signature and for a malformed key or signature alike. */
	public static boolean verify(String publicKey, byte[] message, String signature) {
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
