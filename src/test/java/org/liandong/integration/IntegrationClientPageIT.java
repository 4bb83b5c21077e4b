package org.liandong.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The system administrator's page of integration clients (issue 20, X5), used as a person would: a
 * client registered with the form, its secret shown on that answer once and never again, the secret
 * good for a token at {@code /oauth2/token}, the client revoked with the page's button, and no token
 * after that.
 */
@LiandongIntegrationTest
class IntegrationClientPageIT {

	private static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">([^<]+)<");

	private static final Pattern SECRET = Pattern.compile("id=\"client-secret\"[^>]*>([^<]+)<");

	@LocalServerPort
	int port;

	@Test
	void a_client_registered_on_the_page_shows_its_secret_once_gets_a_token_and_none_after_revocation() {
		PageSession pages = new PageSession(port);
		pages.signIn("sysadmin", PASSWORD);
		String form = pages.get("/admin/integration-clients").html();
		assertThat(form).contains("登记接入客户端", "读取案件", "核查严重失信主体名单", "核验公文真伪", "读取协查请求");
		assertThat(pages.get("/").html()).as("linked from the navigation").contains("/admin/integration-clients");

		String name = Fixtures.unique("页面登记的信用平台");
		PageSession.Page registered = pages.post("/admin/integration-clients", List.of(Map.entry("name", name),
				Map.entry("agencyCode", "410402"), Map.entry("scopes", "CREDIT_CHECK"), Map.entry("scopes", "CASES_READ")));
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.html()).contains("客户端密钥只显示这一次", name);
		String clientId = first(CLIENT_ID, registered.html());
		String secret = first(SECRET, registered.html());
		assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

		String list = pages.get("/admin/integration-clients").html();
		assertThat(list).as("the secret is not shown again").doesNotContain(secret);
		String row = rowOf(list, clientId);
		assertThat(row).contains(name, "新华区", "核查严重失信主体名单", "读取案件", "尚未签发", "有效");

		Reply token = token(clientId, secret);
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		assertThat(token.json().path("scope").asString().split(" ")).containsExactlyInAnyOrder("credit.check", "cases.read");
		assertThat(rowOf(pages.get("/admin/integration-clients").html(), clientId))
			.as("the time of the last token").doesNotContain("尚未签发");

		String revokePath = first(Pattern.compile("action=\"(/admin/integration-clients/\\d+/revoke)\""), row);
		assertThat(row).contains("data-confirm=\"吊销接入客户端");
		PageSession.Page revoked = pages.post(revokePath, Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		String after = pages.get("/admin/integration-clients").html();
		assertThat(after).contains("已吊销接入客户端“" + name + "”");
		assertThat(rowOf(after, clientId)).contains("已吊销").doesNotContain(revokePath);

		Reply refused = token(clientId, secret);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().path("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void a_form_without_scopes_is_refused_with_its_reason_and_registers_nothing() {
		PageSession pages = new PageSession(port);
		pages.signIn("sysadmin", PASSWORD);
		pages.get("/admin/integration-clients");
		String name = Fixtures.unique("未选权限的客户端");

		PageSession.Page refused = pages.post("/admin/integration-clients",
				List.of(Map.entry("name", name), Map.entry("agencyCode", "410402")));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("请至少选择一项权限范围").doesNotContain("client-secret");
		assertThat(Api.at(port).as("sysadmin", PASSWORD).get("/api/v1/integration-clients").body()).doesNotContain(name);
	}

	private Reply token(String clientId, String secret) {
		return Api.at(port).as(clientId, secret).callRaw("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
	}

	private static String first(Pattern pattern, String html) {
		Matcher found = pattern.matcher(html);
		assertThat(found.find()).as(pattern.pattern()).isTrue();
		return found.group(1).trim();
	}

	/** The table row of the client in the list. */
	private static String rowOf(String html, String clientId) {
		int at = html.indexOf(clientId);
		assertThat(at).as("listed: " + clientId).isNotNegative();
		return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
	}
}
