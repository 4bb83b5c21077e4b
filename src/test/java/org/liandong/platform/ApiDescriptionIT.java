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

	@Test
	void operation_ids_are_unique_names_a_client_can_call() {
		JsonNode api = description();
		List<String> ids = new ArrayList<>();
		api.path("paths").values().forEach(item -> item.values().forEach(operation -> {
			if (operation.has("operationId")) {
				ids.add(operation.path("operationId").asString());
			}
		}));

		assertThat(ids).hasSizeGreaterThan(100).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"),
				"a name without a counter such as list_6");
		assertThat(api.at("/paths/~1api~1v1~1agencies/get/operationId").asString()).isEqualTo("agencyList");
	}

	@Test
	void a_list_takes_page_size_and_sort_as_query_parameters() {
		JsonNode parameters = description().at("/paths/~1api~1v1~1agencies/get/parameters");
		List<String> names = new ArrayList<>();
		parameters.forEach(parameter -> names.add(parameter.path("in").asString() + ":" + parameter.path("name").asString()));

		assertThat(names).contains("query:page", "query:size", "query:sort").doesNotContain("query:pageable");
	}

	@Test
	void every_operation_declares_its_refusals_as_problem_details() {
		JsonNode api = description();
		List<String> missing = new ArrayList<>();
		api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			for (String status : new String[] { "401", "403" }) {
				String ref = operation.getValue().path("responses").path(status).path("content")
					.path("application/problem+json").path("schema").path("$ref").asString();
				if (!ref.equals("#/components/schemas/Problem")) {
					missing.add(operation.getKey() + " " + path.getKey() + " " + status);
				}
			}
		}));

		assertThat(missing).isEmpty();
		assertThat(api.at("/components/schemas/Problem/required")).extracting(JsonNode::asString)
			.contains("type", "title", "status", "detail", "code");
		assertThat(api.at("/paths/~1api~1v1~1agencies/post/responses").propertyNames()).contains("400", "409", "415");
		assertThat(api.at("/paths/~1api~1v1~1agencies~1{code}/get/responses").propertyNames()).contains("404");
	}

	@Test
	void what_may_be_null_is_described_as_nullable_and_required_text_as_not_empty() {
		JsonNode schemas = description().path("components").path("schemas");

		// a city bureau has no parent; a division at the top neither
		assertThat(types(schemas.at("/AgencySummary/properties/parentCode"))).containsExactlyInAnyOrder("string", "null");
		assertThat(types(schemas.at("/DivisionSummary/properties/parentCode"))).containsExactlyInAnyOrder("string", "null");
		// a generated id and a count never are
		assertThat(types(schemas.at("/PageResponseAgencySummary/properties/totalElements"))).containsExactly("integer");
		assertThat(types(schemas.at("/PageResponseAgencySummary/properties/content"))).containsExactly("array");
		assertThat(schemas.at("/NewAgency/properties/name/minLength").asInt()).isEqualTo(1);
		assertThat(schemas.at("/NewAgency/properties/name/maxLength").asInt()).isEqualTo(128);
	}

	@Test
	void codes_are_described_with_their_formats() {
		JsonNode api = description();
		JsonNode newCase = api.at("/components/schemas/NewCase/properties");

		// GB 32100-2015: 18 characters, no I, O, S, V or Z; GB 11643-1999: 17 digits and a check digit or X
		// (the server reads lower-case letters as upper case, so the pattern admits both)
		String uscc = newCase.at("/partyUscc/pattern").asString();
		assertThat("91410402MA44JC1W0Y").matches(uscc);
		assertThat("91410402ma44jc1w0y").matches(uscc);
		for (String excluded : List.of("I", "O", "S", "V", "Z", "i", "o", "s", "v", "z", "-")) {
			assertThat("91410402MA44JC1W0" + excluded).doesNotMatch(uscc);
		}
		assertThat("91410402MA44JC1W0").doesNotMatch(uscc);
		assertThat(newCase.at("/partyUscc/example").asString()).matches("^[0-9A-HJ-NPQRTUWXY]{18}$");
		assertThat(newCase.at("/partyIdNumber/pattern").asString()).isEqualTo("^\\d{17}[\\dXx]$");
		assertThat(newCase.at("/divisionCode/pattern").asString()).isEqualTo("^\\d{6}$");
		JsonNode year = api.at("/paths/~1api~1v1~1calendar/get/parameters/0/schema");
		assertThat(year.path("minimum").asInt()).isEqualTo(1900);
		assertThat(year.path("maximum").asInt()).isEqualTo(9999);
	}

	private JsonNode description() {
		return Api.at(port).anonymous().get("/v3/api-docs").json();
	}

	private static List<String> types(JsonNode schema) {
		List<String> types = new ArrayList<>();
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			type.forEach(each -> types.add(each.asString()));
		}
		else {
			types.add(type.asString());
		}
		return types;
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
