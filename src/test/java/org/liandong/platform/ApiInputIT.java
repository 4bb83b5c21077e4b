package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input an outside tool generated from the API description (issue 20): each case was a 500 or a
 * silent coercion; each must be a 400 (or 415) problem in Chinese, and nothing saved. The expected
 * answers follow RFC 9110 (a malformed request is the client's error, 4xx) and the API's rule that
 * every refusal is problem+json with a Chinese detail.
 */
@LiandongIntegrationTest
class ApiInputIT {

	@LocalServerPort
	int port;

	@Test
	void a_calendar_year_beyond_four_digits_is_a_400_not_a_500() {
		Reply reply = as("xinhua.enforcer").get("/api/v1/calendar?year=999999999");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.detail()).contains("四位数年份");
	}

	@Test
	void a_truncated_multipart_body_is_a_400_on_each_upload_endpoint() {
		byte[] truncated = """
				--XyZ\r
				Content-Disposition: form-data; name="file"; filename="a.pdf"\r
				Content-Type: application/pdf\r
				\r
				%PDF-1.7 cut off here""".getBytes(StandardCharsets.UTF_8);
		for (String path : new String[] { "/api/v1/documents/verify", "/api/v1/credit/screenings" }) {
			Reply reply = as("xinhua.enforcer").callRaw("POST", path, "multipart/form-data; boundary=XyZ", truncated);

			assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void a_boolean_where_a_name_is_wanted_is_refused_and_nothing_is_registered() {
		Reply reply = as("sysadmin").post("/api/v1/divisions", """
				{"code": "410499", "name": false, "level": "ZONE", "parentCode": "410400"}""");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(as("sysadmin").get("/api/v1/divisions?size=500").body()).doesNotContain("410499");
	}

	@Test
	void a_number_where_text_is_wanted_is_refused() {
		Reply reply = as("sysadmin").post("/api/v1/divisions", """
				{"code": 410498, "name": "平顶山某区", "level": "ZONE", "parentCode": "410400"}""");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
	}

	@Test
	void the_wrong_media_type_on_an_upload_names_the_one_it_takes() {
		Reply reply = as("xinhua.enforcer").callRaw("POST", "/api/v1/credit/screenings", "text/plain",
				"x".getBytes(StandardCharsets.UTF_8));

		assertThat(reply.status()).as(reply.body()).isEqualTo(415);
		assertThat(reply.detail()).contains("multipart/form-data").doesNotContain("application/json");
	}

	@Test
	void valid_json_without_a_required_field_names_the_field_not_invalid_json() {
		Reply reply = as("xinhua.liaison").post("/api/v1/meetings/999999/attendance", "{}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains("attend").doesNotContain("不是有效的 JSON");
	}

	@Test
	void json_cut_short_is_said_to_be_invalid_json() {
		Reply reply = as("xinhua.liaison").post("/api/v1/meetings/1/attendance", "{\"attend\": tr");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains("不是有效的 JSON");
	}

	@Test
	void an_unknown_agency_in_the_address_is_404_and_in_the_input_400() {
		Reply keys = as("sysadmin").get("/api/v1/documents/signing-keys/agencies/999999");
		Reply issuer = as("sysadmin").get("/api/v1/documents/issuers/999999");
		Reply ledger = as("city.leader").get("/api/v1/obligations?owner=999999");

		assertThat(keys.status()).as(keys.body()).isEqualTo(404);
		assertThat(issuer.status()).as(issuer.body()).isEqualTo(404);
		assertThat(ledger.status()).as(ledger.body()).isEqualTo(400);
		assertThat(ledger.problemCode()).isEqualTo("unknown-agency");
	}

	@Test
	void a_page_or_size_that_is_not_a_number_is_refused() {
		Reply reply = as("xinhua.enforcer").get("/api/v1/cases?size=abc");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains("size");
	}

	/** Issue 20: a page before the first is the caller's mistake, answered as one, not read as page 0. */
	@Test
	void a_negative_page_is_refused() {
		Reply reply = as("xinhua.enforcer").get("/api/v1/cases?page=-1");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains("page", "不能小于 0");
		assertThat(as("xinhua.enforcer").get("/api/v1/cases?page=0").status()).isEqualTo(200);
	}

	/**
	 * Issue 20: an order the list does not offer is refused and the message names the ones it does,
	 * rather than the default order answered as if it were the one asked for.
	 */
	@Test
	void a_sort_the_list_does_not_offer_is_refused_naming_those_it_does() {
		Reply reply = as("xinhua.enforcer").get("/api/v1/cases?sort=secret,desc");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.problemCode()).isEqualTo("invalid-sort");
		assertThat(reply.detail()).contains("secret", "number", "registeredAt");
		assertThat(as("xinhua.enforcer").get("/api/v1/cases?sort=registeredAt,desc").status()).isEqualTo(200);
	}

	private Api as(String username) {
		return Api.at(port).as(username, PASSWORD);
	}
}
