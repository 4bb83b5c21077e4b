package org.liandong.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integration clients (issue 20, X5) as another government system uses them: registered by the
 * system administrator, a token by the OAuth2 client-credentials grant (RFC 6749 §4.4, errors as
 * §5.2 writes them), calls with the bearer token limited to what its scopes open, every issue
 * audited, a revoked client refused a new token and its outstanding one.
 */
@LiandongIntegrationTest
class IntegrationClientsIT {

	@LocalServerPort
	int port;

	@Test
	void a_client_gets_a_token_and_calls_only_what_its_scopes_open() throws Exception {
		Api admin = Api.at(port).as("sysadmin", PASSWORD);
		Reply registered = admin.post("/api/v1/integration-clients",
				"{\"name\": \"%s\", \"agencyCode\": \"410402\", \"scopes\": [\"CREDIT_CHECK\"]}"
					.formatted(Fixtures.unique("省信用平台")));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String clientId = registered.json().path("client").path("clientId").asString();
		String secret = registered.json().path("clientSecret").asString();
		long id = registered.json().path("client").path("id").asLong();
		assertThat(admin.get("/api/v1/integration-clients").body()).contains(clientId).doesNotContain(secret);

		Reply token = token(clientId, secret, "grant_type=client_credentials");
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		assertThat(token.header("Cache-Control")).contains("no-store");
		JsonNode issued = token.json();
		assertThat(issued.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(issued.path("expires_in").asLong()).isEqualTo(600);
		assertThat(issued.path("scope").asString()).isEqualTo("credit.check");
		String bearer = issued.path("access_token").asString();
		// a JWT (RFC 7519): three base64url parts, HMAC-SHA256, the client as subject, ten minutes
		String[] parts = bearer.split("\\.");
		assertThat(parts).hasSize(3);
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asString()).isEqualTo("HS256");
		JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(claims.path("sub").asString()).isEqualTo(clientId);
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);

		Api client = Api.at(port).withBearer(bearer);
		Reply check = client.get("/api/v1/credit/checks?name=" + java.net.URLEncoder.encode("某某化工", StandardCharsets.UTF_8));
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().has("listed")).isTrue();
		Reply cases = client.get("/api/v1/cases");
		assertThat(cases.status()).as("reading cases is not in its scopes").isEqualTo(403);
		assertThat(cases.contentType()).startsWith("application/problem+json");
		assertThat(cases.detail()).startsWith("该接入客户端的权限范围不含此接口");
		assertThat(client.post("/api/v1/cases", "{}").status()).as("no write is ever a client's").isEqualTo(403);
		assertThat(client.get("/api/v1/integration-clients").status()).isEqualTo(403);

		String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
				+ (parts[2].endsWith("AA") ? "BB" : "AA");
		Reply forged = Api.at(port).withBearer(tampered).get("/api/v1/credit/checks?name=x");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");

		Api auditor = Api.at(port).as("auditor", PASSWORD);
		JsonNode audit = auditor.get("/api/v1/audit/records?action=CLIENT_TOKEN_ISSUED&size=5").json();
		assertThat(audit.path("content").findValuesAsString("objectId")).contains(clientId);

		Reply revoked = admin.post("/api/v1/integration-clients/" + id + "/revoke", "{}");
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().path("revokedAt").isNull()).isFalse();
		Reply outstanding = client.get("/api/v1/credit/checks?name=x");
		assertThat(outstanding.status()).as("the token issued before the revocation").isEqualTo(401);
		assertThat(outstanding.detail()).isEqualTo("接入客户端已被吊销，其令牌一律拒绝");
		Reply refused = token(clientId, secret, "grant_type=client_credentials");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().path("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void wrong_secrets_grants_and_scopes_are_answered_as_the_rfc_writes() {
		Api admin = Api.at(port).as("sysadmin", PASSWORD);
		JsonNode registered = admin.post("/api/v1/integration-clients",
				"{\"name\": \"%s\", \"agencyCode\": \"410400\", \"scopes\": [\"CASES_READ\", \"CREDIT_CHECK\"]}"
					.formatted(Fixtures.unique("市大数据局"))).json();
		String clientId = registered.path("client").path("clientId").asString();
		String secret = registered.path("clientSecret").asString();

		Reply wrongSecret = token(clientId, secret + "x", "grant_type=client_credentials");
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");
		Reply password = token(clientId, secret, "grant_type=password&username=a&password=b");
		assertThat(password.status()).isEqualTo(400);
		assertThat(password.json().path("error").asString()).isEqualTo("unsupported_grant_type");
		Reply beyond = token(clientId, secret, "grant_type=client_credentials&scope=documents.verify");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.json().path("error").asString()).isEqualTo("invalid_scope");
		Reply narrowed = token(clientId, secret, "grant_type=client_credentials&scope=cases.read");
		assertThat(narrowed.json().path("scope").asString()).isEqualTo("cases.read");
		Api client = Api.at(port).withBearer(narrowed.json().path("access_token").asString());
		Reply cases = client.get("/api/v1/cases");
		assertThat(cases.status()).as(cases.body()).isEqualTo(200);
		assertThat(client.get("/api/v1/credit/checks?name=x").status()).as("a scope not asked for").isEqualTo(403);

		Reply posted = Api.at(port).anonymous().callRaw("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials&client_id=%s&client_secret=%s".formatted(clientId, secret)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(posted.status()).as("client_secret_post").isEqualTo(200);

		Reply missing = admin.post("/api/v1/integration-clients", "{\"name\": \"x\", \"agencyCode\": \"410400\", \"scopes\": []}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.detail()).contains("请至少选择一项权限范围");
		assertThat(Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/integration-clients",
				"{\"name\": \"x\", \"agencyCode\": \"410400\", \"scopes\": [\"CASES_READ\"]}").status())
			.as("only the system administrator registers clients").isEqualTo(403);
	}

	@Test
	void failed_secrets_of_one_client_are_limited_like_sign_ins() {
		JsonNode registered = Api.at(port).as("sysadmin", PASSWORD).post("/api/v1/integration-clients",
				"{\"name\": \"%s\", \"agencyCode\": \"410400\", \"scopes\": [\"CREDIT_CHECK\"]}"
					.formatted(Fixtures.unique("猜测目标"))).json();
		String clientId = registered.path("client").path("clientId").asString();
		for (int i = 0; i < 10; i++) {
			assertThat(token(clientId, "wrong-" + i, "grant_type=client_credentials").status()).isEqualTo(401);
		}
		Reply limited = token(clientId, registered.path("clientSecret").asString(), "grant_type=client_credentials");
		assertThat(limited.status()).as("even the right secret, after ten failures").isEqualTo(429);
		assertThat(limited.json().path("error_description").asString()).startsWith("该客户端标识的认证失败次数过多");
	}

	private Reply token(String clientId, String secret, String form) {
		return Api.at(port).as(clientId, secret).callRaw("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				form.getBytes(StandardCharsets.UTF_8));
	}
}
