package org.liandong.integration.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.liandong.integration.internal.TokenGrant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OAuth2 token endpoint of the client-credentials grant (RFC 6749 §4.4): the client
 * authenticates with HTTP Basic (client_secret_basic) or with client_id and client_secret in the
 * form (client_secret_post); answers and errors in the RFC's JSON, which OAuth2 libraries expect.
 */
@RestController
@Tag(name = "接入客户端")
class TokenEndpoint {

	private final TokenGrant grants;

	TokenEndpoint(TokenGrant grants) {
		this.grants = grants;
	}

	@PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "申请访问令牌（OAuth2 客户端凭证模式）：grant_type=client_credentials，可带 scope；"
			+ "客户端以 HTTP Basic（客户端标识:密钥）认证，或在表单中给出 client_id、client_secret")
	ResponseEntity<Map<String, Object>> token(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(name = "scope", required = false) String scope,
			@RequestParam(name = "client_id", required = false) String formId,
			@RequestParam(name = "client_secret", required = false) String formSecret) {
		if (!"client_credentials".equals(grantType)) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"只支持客户端凭证模式：grant_type=client_credentials");
		}
		String id = formId;
		String secret = formSecret;
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] pair = basic(authorization.substring(6).trim());
			if (pair == null) {
				return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Authorization 头不是有效的 HTTP Basic 凭证");
			}
			id = pair[0];
			secret = pair[1];
		}
		TokenGrant.Outcome outcome = grants.grant(id, secret, scope);
		if (!outcome.granted()) {
			HttpStatus status = switch (outcome.error()) {
				case "invalid_client" -> HttpStatus.UNAUTHORIZED;
				case "too_many_failures" -> HttpStatus.TOO_MANY_REQUESTS;
				default -> HttpStatus.BAD_REQUEST;
			};
			return error(status, outcome.error(), outcome.description());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", outcome.token());
		body.put("token_type", "Bearer");
		body.put("expires_in", outcome.expiresInSeconds());
		body.put("scope", outcome.scope());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	private static String[] basic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
		if (status == HttpStatus.UNAUTHORIZED) {
			answer.header("WWW-Authenticate", "Basic realm=\"liandong-clients\", charset=\"UTF-8\"");
		}
		return answer.body(Map.of("error", error, "error_description", description));
	}
}
