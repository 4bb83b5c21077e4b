package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

/**
 * SM2 signatures against the example of the standard (GB/T 32918.5-2017 / GM/T 0003.5-2012, the
 * signature example on the recommended curve sm2p256v1: private key d, public key P = d·G, signer
 * identity 1234567812345678, message "message digest", random k, and the signature (r, s) those
 * give). The expected values are the standard's, not the code's (issue 19).
 */
class Sm2KnownAnswerTest {

	private static final String D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
	private static final String PUBLIC_KEY = "04"
			+ "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
			+ "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
	/** The example's random k. */
	private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
	private static final String R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
	private static final String S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
	/** n - 1 of sm2p256v1 (GB/T 32918.5-2017, the recommended curve's order n less one). */
	private static final String N_MINUS_1 = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122";
	private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

	@Test
	void the_standards_signature_verifies() {
		assertThat(Sm2.verify(PUBLIC_KEY.toLowerCase(), MESSAGE, der(R, S))).isTrue();
	}

	@Test
	void the_standards_signature_fails_for_another_message_or_an_altered_s() {
		assertThat(Sm2.verify(PUBLIC_KEY.toLowerCase(), "message digesT".getBytes(StandardCharsets.US_ASCII), der(R, S)))
			.isFalse();
		String altered = new BigInteger(S, 16).add(BigInteger.ONE).toString(16);
		assertThat(Sm2.verify(PUBLIC_KEY.toLowerCase(), MESSAGE, der(R, altered))).isFalse();
	}

	@Test
	void a_signature_made_with_the_standards_private_key_verifies_under_its_public_key() {
		// the signer draws its own k, so (r, s) differ from the example; P = d·G is the standard's
		String signature = Sm2.sign(new Sm2.KeyPair(PUBLIC_KEY.toLowerCase(), D.toLowerCase()), MESSAGE);

		assertThat(Sm2.verify(PUBLIC_KEY.toLowerCase(), MESSAGE, signature)).isTrue();
	}

	/** Issue 18: the signer is given P instead of deriving it; with the example's k it must give the example's (r, s). */
	@Test
	void with_the_standards_k_the_signature_is_the_standards_r_and_s() {
		String signature = Sm2.sign(new Sm2.KeyPair(PUBLIC_KEY.toLowerCase(), D.toLowerCase()), MESSAGE,
				new FixedSecureRandom(Hex.decode(K)));

		assertThat(signature).isEqualTo(der(R, S));
	}

	/** A public point that is not d·G (a stored key's public half altered) gives signatures that do not verify. */
	@Test
	void a_signature_made_with_a_public_point_other_than_d_g_does_not_verify_under_either() {
		String other = Sm2.generate().publicKey();
		String signature = Sm2.sign(new Sm2.KeyPair(other, D.toLowerCase()), MESSAGE);

		assertThat(Sm2.verify(PUBLIC_KEY.toLowerCase(), MESSAGE, signature)).isFalse();
		assertThat(Sm2.verify(other, MESSAGE, signature)).isFalse();
	}

	/** Issue 19: the audit trail's checkpoint key is configured as d alone; its public key is derived. */
	@Test
	void the_public_key_of_the_standards_private_key_is_the_standards_public_key() {
		assertThat(Sm2.publicKeyOf(D)).isEqualTo(PUBLIC_KEY.toLowerCase());
	}

	@Test
	void a_private_key_outside_the_curve_order_or_not_hex_is_refused() {
		assertThatThrownBy(() -> Sm2.publicKeyOf("0")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Sm2.publicKeyOf(N_MINUS_1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Sm2.publicKeyOf("不是十六进制")).isInstanceOf(IllegalArgumentException.class);
	}

	private static String der(String r, String s) {
		ASN1EncodableVector pair = new ASN1EncodableVector();
		pair.add(new ASN1Integer(new BigInteger(r, 16)));
		pair.add(new ASN1Integer(new BigInteger(s, 16)));
		try {
			return Base64.getEncoder().encodeToString(new DERSequence(pair).getEncoded());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
