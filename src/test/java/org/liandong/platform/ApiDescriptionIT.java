package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The API description says what the API does (issue 20): a client that follows the schema of a
 * request body sends the fields the server reads. The expected fields are the controllers' request
 * records, written out here: a credit decision is {@code list} and {@code reason}, the decisions of
 * the minutes are {@code decision}, {@code ownerAgencyCode} and a due date.
 */
@LiandongIntegrationTest
class ApiDescriptionIT {

	@LocalServerPort
	int port;

	@Test
	void each_request_body_has_its_own_schema_with_the_fields_the_server_reads() {
		JsonNode api = Api.at(port).as("xinhua.enforcer", PASSWORD).get("/v3/api-docs").json();

		assertThat(fields(api, requestSchema(api, "/api/v1/credit/entries/{id}/decision"))).contains("list", "reason");
		assertThat(fields(api, requestSchema(api, "/api/v1/major-reports/{id}/decline"))).contains("reason")
			.doesNotContain("list");
		JsonNode minutes = schema(api, requestSchema(api, "/api/v1/meetings/{id}/minutes"));
		String decision = minutes.path("properties").path("decisions").path("items").path("$ref").asString();
		assertThat(fields(api, decision)).contains("decision", "ownerAgencyCode").doesNotContain("list");
	}

	@Test
	void a_credit_checks_entries_are_the_lists_entries_not_the_calendars() {
		JsonNode api = Api.at(port).as("xinhua.enforcer", PASSWORD).get("/v3/api-docs").json();
		String check = api.path("paths").path("/api/v1/credit/checks").path("get").path("responses").path("200")
			.path("content").valueStream().findFirst().orElseThrow().path("schema").path("$ref").asString();
		String entry = schema(api, check).path("properties").path("entries").path("items").path("$ref").asString();

		assertThat(fields(api, entry)).contains("decisionNumber", "measures").doesNotContain("kind");
	}

	@Test
	void the_description_names_the_api_and_how_to_authenticate() {
		JsonNode api = Api.at(port).as("xinhua.enforcer", PASSWORD).get("/v3/api-docs").json();

		assertThat(api.path("info").path("title").asString()).isEqualTo("联动 Liandong API");
		assertThat(api.path("components").path("securitySchemes").path("basic").path("scheme").asString())
			.isEqualTo("basic");
		assertThat(api.path("components").path("securitySchemes").path("otp").path("name").asString())
			.isEqualTo("X-OTP");
		JsonNode clients = api.path("components").path("securitySchemes").path("clientCredentials").path("flows")
			.path("clientCredentials");
		assertThat(clients.path("tokenUrl").asString()).isEqualTo("/oauth2/token");
		assertThat(clients.path("scopes").propertyNames()).containsExactlyInAnyOrder("cases.read", "assistance.read",
				"credit.check", "documents.verify");
	}

	private static String requestSchema(JsonNode api, String path) {
		JsonNode operation = api.path("paths").path(path).path("post");
		assertThat(operation.isMissingNode()).as("POST " + path).isFalse();
		return operation.path("requestBody").path("content").valueStream().findFirst().orElseThrow().path("schema").path("$ref").asString();
	}

	private static JsonNode schema(JsonNode api, String ref) {
		assertThat(ref).startsWith("#/components/schemas/");
		return api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
	}

	private static List<String> fields(JsonNode api, String ref) {
		List<String> names = new ArrayList<>();
		schema(api, ref).path("properties").propertyNames().forEach(names::add);
		return names;
	}
}
