package org.liandong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-time passwords against RFC 6238, Appendix B (issue 19): the SHA-1 test vectors for the
 * secret "12345678901234567890" (Base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), of which the apps show the
 * last six digits. The expected codes are the RFC's, not computed by the library the code uses.
 */
class OneTimePasswordsKnownAnswerTest {

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@ParameterizedTest(name = "T = {0}: RFC 6238 gives {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void the_code_of_a_time_step_is_the_rfcs(long unixTime, String rfcEightDigits) {
		OneTimePasswords passwords = at(unixTime);
		String expected = rfcEightDigits.substring(2);

		assertThat(passwords.code(SECRET, unixTime / OneTimePasswords.PERIOD_SECONDS)).isEqualTo(expected);
		assertThat(passwords.matchingStep(SECRET, expected)).contains(unixTime / OneTimePasswords.PERIOD_SECONDS);
	}

	@ParameterizedTest(name = "T = {0}: {1} is not the code")
	@CsvSource({ "59, 287083", "1234567890, 287082" })
	void another_code_does_not_match(long unixTime, String code) {
		assertThat(at(unixTime).matchingStep(SECRET, code)).isEmpty();
	}

	private static OneTimePasswords at(long unixTime) {
		return new OneTimePasswords(null, Clock.fixed(Instant.ofEpochSecond(unixTime), ZoneOffset.UTC), null);
	}
}
