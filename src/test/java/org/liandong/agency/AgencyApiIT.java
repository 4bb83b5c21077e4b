package org.liandong.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** R1.1, R1.2: the hierarchy as data, registered by the system administrator; bad input is refused in Chinese. */
@LiandongIntegrationTest
class AgencyApiIT {

	@LocalServerPort
	int port;

	Api sysadmin;

	Api enforcer;

	@BeforeEach
	void connect() {
		Api api = Api.at(port);
		sysadmin = api.as("sysadmin", PASSWORD);
		enforcer = api.as("xinhua.enforcer", PASSWORD);
	}

	@Test
	void the_pingdingshan_hierarchy_is_listed_with_division_codes() {
		JsonNode counties = enforcer.get("/api/v1/agencies?kind=COUNTY_BUREAU&size=50&sort=code").json();

		assertThat(counties.path("content").findValuesAsString("divisionCode")).containsSubsequence("410402", "410403",
				"410404", "410411", "410421", "410422", "410423", "410425", "410481", "410482");
		assertThat(enforcer.get("/api/v1/agencies/410400.legal").json().path("kindLabel").asString())
			.isEqualTo("市局法制机构");
		assertThat(enforcer.get("/api/v1/agencies/410400.detachment").json().path("parentCode").asString())
			.isEqualTo("410400");
	}

	@Test
	void external_departments_are_agencies_too() {
		JsonNode external = enforcer.get("/api/v1/agencies?kind=EXTERNAL_DEPARTMENT").json();

		assertThat(external.path("content").findValuesAsString("name")).contains("平顶山市市场监督管理局", "平顶山市公安局");
	}

	@Test
	void the_agency_list_is_paged() {
		JsonNode page = enforcer.get("/api/v1/agencies?size=5&page=1").json();

		assertThat(page.path("content").size()).isEqualTo(5);
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(16);
	}

	@Test
	void the_system_administrator_registers_a_functional_zone_and_its_bureau() {
		// 410450-410479: codes not used by the demo hierarchy (wugang 410481 and ruzhou 410482 are above);
		// each run of the suite starts on a fresh database
		String zone = "4104" + (50 + (int) (Math.random() * 30));
		Reply division = sysadmin.post("/api/v1/divisions", """
				{"code": "%s", "name": "平顶山高新区", "level": "ZONE", "parentCode": "410400"}""".formatted(zone));
		assertThat(division.status()).as(division.body()).isEqualTo(201);

		String code = Fixtures.unique("gx");
		Reply created = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "平顶山高新区应急管理局", "shortName": "高新区应急局", "kind": "COUNTY_BUREAU",
				 "divisionCode": "%s", "parentCode": "410400"}""".formatted(code, zone));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(enforcer.get("/api/v1/agencies/" + code).json().path("divisionCode").asString()).isEqualTo(zone);
	}

	@Test
	void a_county_bureau_belongs_to_a_county_and_there_is_one_per_county() {
		Reply onCity = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "错位县局", "shortName": "错位", "kind": "COUNTY_BUREAU", "divisionCode": "410400"}"""
			.formatted(Fixtures.unique("c")));
		Reply second = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "第二个新华区应急局", "shortName": "重复", "kind": "COUNTY_BUREAU", "divisionCode": "410402"}"""
			.formatted(Fixtures.unique("c")));

		assertThat(onCity.status()).isEqualTo(400);
		assertThat(onCity.problemCode()).isEqualTo("hierarchy-violation");
		assertThat(onCity.detail()).contains("县级区划或功能区");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.detail()).contains("新华区已有", "平顶山市新华区应急管理局");
	}

	@Test
	void an_office_of_the_city_bureau_needs_the_city_bureau_above_it() {
		Reply orphan = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "无上级的法制机构", "shortName": "法制", "kind": "LEGAL_OFFICE", "divisionCode": "410400",
				 "parentCode": "410402"}""".formatted(Fixtures.unique("l")));

		assertThat(orphan.status()).isEqualTo(400);
		assertThat(orphan.detail()).isEqualTo("市局法制机构的上级机构应为市应急管理局");
	}

	@Test
	void a_county_lies_under_a_city() {
		Reply misplaced = sysadmin.post("/api/v1/divisions", """
				{"code": "410499", "name": "挂错的县", "level": "COUNTY", "parentCode": "410402"}""");

		assertThat(misplaced.status()).isEqualTo(400);
		assertThat(misplaced.detail()).isEqualTo("县级的上级应为市级区划");
	}

	@Test
	void a_duplicate_agency_code_is_refused_naming_the_holder() {
		Reply refused = sysadmin.post("/api/v1/agencies", """
				{"code": "410402", "name": "重复机构", "shortName": "重复", "kind": "COUNTY_BUREAU", "divisionCode": "410402"}""");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemCode()).isEqualTo("duplicate-agency-code");
		assertThat(refused.detail()).contains("平顶山市新华区应急管理局");
	}

	@Test
	void an_unknown_division_code_is_refused_and_nothing_is_saved() {
		String code = Fixtures.unique("x");
		Reply refused = sysadmin.post("/api/v1/agencies", """
				{"code": "%s", "name": "无区划机构", "shortName": "无区划", "kind": "EXTERNAL_DEPARTMENT",
				 "divisionCode": "419999"}""".formatted(code));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("unknown-division");
		assertThat(refused.detail()).isEqualTo("行政区划代码 419999 不存在，请先登记该行政区划");
		assertThat(enforcer.get("/api/v1/agencies/" + code).status()).isEqualTo(404);
	}

	@Test
	void malformed_json_is_a_400_not_a_500() {
		Reply refused = sysadmin.post("/api/v1/agencies", "{\"code\": ");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("malformed-body");
		assertThat(refused.detail()).contains("JSON");
	}

	@Test
	void missing_fields_are_named_in_chinese() {
		Reply refused = sysadmin.post("/api/v1/agencies", "{\"code\": \"a\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("validation-failed");
		assertThat(refused.json().path("errors").findValuesAsString("message")).contains("请填写机构名称",
				"请选择机构类型", "机构代码只能由字母、数字、点和连字符组成，长度 2–32 位");
	}

	@Test
	void only_the_system_administrator_registers_agencies() {
		String body = """
				{"code": "%s", "name": "越权登记", "shortName": "越权", "kind": "EXTERNAL_DEPARTMENT",
				 "divisionCode": "410400"}""".formatted(Fixtures.unique("y"));

		assertThat(enforcer.post("/api/v1/agencies", body).status()).isEqualTo(403);
		assertThat(Api.at(port).as("secadmin", PASSWORD).post("/api/v1/agencies", body).status()).isEqualTo(403);
		assertThat(Api.at(port).as("auditor", PASSWORD).post("/api/v1/agencies", body).problemCode())
			.isEqualTo("forbidden");
	}

	@Test
	void a_caller_without_the_role_is_refused_before_the_input_is_examined() {
		Reply refused = enforcer.post("/api/v1/agencies", "{}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemCode()).isEqualTo("forbidden");
	}

	@Test
	void an_unknown_api_address_answers_problem_details() {
		Reply missing = enforcer.get("/api/v1/no-such-thing");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.problemCode()).isEqualTo("not-found");
		assertThat(missing.detail()).isEqualTo("请求的资源不存在");
	}
}
