package org.liandong.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.integration.Scope;
import org.liandong.integration.internal.ClientRegistry.Client;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The platform's bearer tokens (issue 20): JWTs signed with HMAC-SHA256 under a key derived from the
 * master key (HKDF over SM3), so every instance issues and verifies the same tokens without storing
 * them or reading the database; short-lived ({@code liandong.integration.token-validity}, 10 minutes
 * by default) because a token cannot be called back once out, only refused after its client is revoked.
 */
@Component
class ClientTokens {

	static final String ISSUER = "liandong";

	private static final byte[] HKDF_SALT = "liandong-client-tokens".getBytes(StandardCharsets.UTF_8);

	private final SecretKey key;
	private final NimbusJwtEncoder encoder;
	private final NimbusJwtDecoder decoder;
	private final Agencies agencies;
	private final Duration validity;
	private final Clock clock;

	ClientTokens(@Value("${liandong.security.master-key}") String masterKey,
			@Value("${liandong.integration.token-validity:10m}") Duration validity, Agencies agencies,
			RevokedClients revoked, Clock clock) {
		this.key = new SecretKeySpec(derive(masterKey), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(key));
		this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		// a revoked client's tokens fail validation like expired ones, from memory (RevokedClients)
		OAuth2TokenValidator<Jwt> notRevoked = jwt -> revoked.isRevoked(jwt.getSubject())
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", BearerSecurity.REVOKED, null))
				: OAuth2TokenValidatorResult.success();
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ZERO),
				new JwtIssuerValidator(ISSUER), notRevoked));
		this.agencies = agencies;
		this.validity = validity;
		this.clock = clock;
	}

	/** A token issued. */
	record Issued(String value, Duration validity, List<Scope> scopes) {
	}

	Issued issue(Client client, List<Scope> scopes) {
		Instant now = clock.instant();
		AgencySummary agency = agencies.find(client.agencyCode()).orElseThrow();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(client.clientId())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(validity))
			.claim("scope", ClientRegistry.words(scopes))
			.claim("client_name", client.name())
			.claim("client_key", client.id())
			.claim("agency", agency.code())
			.claim("agency_name", agency.name())
			.claim("division", agency.divisionCode() == null ? "" : agency.divisionCode())
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new Issued(token, validity, scopes);
	}

	JwtDecoder decoder() {
		return decoder;
	}

	private static byte[] derive(String masterKey) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SM3Digest());
		hkdf.init(new HKDFParameters(masterKey.getBytes(StandardCharsets.UTF_8), HKDF_SALT,
				"hmac-sha256 bearer tokens v1".getBytes(StandardCharsets.UTF_8)));
		byte[] derived = new byte[32];
		hkdf.generateBytes(derived, 0, derived.length);
		return derived;
	}
}
