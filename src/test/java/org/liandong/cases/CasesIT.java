package org.liandong.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/** R2.1, R2.2, R2.7, X2: the case register, territorial hosting and who sees which case. */
@LiandongIntegrationTest
class CasesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api xinhua;

	Api weidong;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
	}

	@Test
	void a_county_case_is_hosted_by_the_bureau_of_the_place_and_numbered_per_agency_and_year() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");

		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(created.path("number").asString()).matches("新华区应急局案〔" + year + "〕\\d+号");
		assertThat(created.path("status").asString()).isEqualTo("REGISTERED");
		assertThat(created.path("severity").asString()).isEqualTo("GENERAL");
		assertThat(created.path("hostAgencyCode").asString()).isEqualTo("410402");
		assertThat(created.path("divisionCode").asString()).isEqualTo("410402");
		assertThat(created.path("party").path("kind").asString()).isEqualTo("ENTERPRISE");
		assertThat(created.path("party").path("uscc").asString()).hasSize(18);
		assertThat(created.path("version").asLong()).isZero();
		assertThat(created.path("timeline").findValuesAsString("kind")).containsExactly("REGISTERED", "HOST_CONFIRMED");
	}

	@Test
	void a_party_supervised_by_the_city_is_hosted_by_the_city_bureau() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410423", "CITY");

		assertThat(created.path("hostAgencyCode").asString()).isEqualTo("410400");
		assertThat(created.path("hostAgencyName").asString()).isEqualTo("平顶山市应急管理局");
	}

	@Test
	void the_host_proposal_explains_itself() {
		JsonNode proposal = xinhua.get("/api/v1/cases/host-proposal?divisionCode=410403&level=COUNTY").json();

		assertThat(proposal.path("agencyCode").asString()).isEqualTo("410403");
		assertThat(proposal.path("reasoning").asString())
			.isEqualTo("案件发生地为卫东区，当事人由县级监管，依属地原则由平顶山市卫东区应急管理局主办");
	}

	@Test
	void overriding_the_proposed_host_needs_a_reason_and_both_are_recorded() {
		String body = """
				{"partyKind": "ENTERPRISE", "partyName": "跨区经营有限公司", "partyUscc": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "410403", "violationType": "无证经营", "severity": "GENERAL",
				 "hostAgencyCode": "410402" %s}""";
		Reply refused = xinhua.post("/api/v1/cases", body.formatted(Fixtures.uscc("410403"), ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("override-needs-reason");
		assertThat(refused.detail()).contains("按属地原则应由平顶山市卫东区应急管理局主办");

		Reply created = xinhua.post("/api/v1/cases",
				body.formatted(Fixtures.uscc("410403"), ", \"hostOverrideReason\": \"该企业注册地和主要经营场所在新华区\""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode json = created.json();
		assertThat(json.path("hostAgencyCode").asString()).isEqualTo("410402");
		assertThat(json.path("proposedHostAgencyCode").asString()).isEqualTo("410403");
		assertThat(json.path("hostOverrideReason").asString()).isEqualTo("该企业注册地和主要经营场所在新华区");
		assertThat(json.path("timeline").findValuesAsString("kind")).contains("HOST_OVERRIDDEN");
	}

	@Test
	void a_persons_id_number_is_stored_encrypted_and_shown_masked() {
		Reply created = xinhua.post("/api/v1/cases", """
				{"partyKind": "PERSON", "partyName": "张某某", "partyIdNumber": "11010519491231002X", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "无证作业", "severity": "GENERAL"}""");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("party").path("idNumber").asString()).isEqualTo("110105********002X");
		String stored = jdbc.queryForObject("select party_id_cipher from enforcement_case where id = ?", String.class, id);
		assertThat(stored).isNotBlank().doesNotContain("11010519491231002X").doesNotContain("1949");
	}

	@Test
	void a_wrong_uscc_check_character_is_refused_and_nothing_is_saved() {
		long before = caseCount();

		Reply refused = xinhua.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "校验码错误公司", "partyUscc": "91350100M000100Y44",
				 "supervisionLevel": "COUNTY", "divisionCode": "410402", "violationType": "无证经营", "severity": "GENERAL"}""");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("invalid-uscc");
		assertThat(refused.detail()).contains("校验码错误", "第 18 位应为“3”");
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void a_bad_id_check_digit_an_unknown_place_and_a_missing_party_are_refused_in_chinese() {
		Reply badId = xinhua.post("/api/v1/cases", """
				{"partyKind": "PERSON", "partyName": "李某", "partyIdNumber": "110105194912310021", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "无证作业", "severity": "GENERAL"}""");
		Reply unknownPlace = xinhua.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "某公司", "partyUscc": "91350100M000100Y43", "supervisionLevel": "COUNTY",
				 "divisionCode": "419999", "violationType": "无证经营", "severity": "GENERAL"}""");
		Reply noParty = xinhua.post("/api/v1/cases", """
				{"supervisionLevel": "COUNTY", "divisionCode": "410402", "violationType": "无证经营", "severity": "GENERAL"}""");

		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.detail()).contains("公民身份号码校验码错误");
		assertThat(unknownPlace.status()).isEqualTo(400);
		assertThat(unknownPlace.detail()).isEqualTo("案件发生地的行政区划代码 419999 不存在");
		assertThat(noParty.status()).isEqualTo(400);
		assertThat(noParty.json().path("errors").findValuesAsString("message")).contains("请选择当事人类型", "请填写当事人名称");
	}

	@Test
	void another_bureaus_case_is_not_found_and_not_listed() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = created.path("id").asLong();

		Reply hidden = weidong.get("/api/v1/cases/" + id);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.problemCode()).isEqualTo("unknown-case");
		JsonNode listed = weidong.get("/api/v1/cases?party=" + created.path("party").path("uscc").asString()).json();
		assertThat(listed.path("totalElements").asLong()).isZero();
	}

	@Test
	void the_city_bureau_sees_every_case() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		Api leader = Api.at(port).as("city.leader", PASSWORD);

		assertThat(leader.get("/api/v1/cases/" + created.path("id").asLong()).json().path("access").asString())
			.isEqualTo("FULL");
		assertThat(leader.get("/api/v1/cases?party=" + created.path("party").path("uscc").asString()).json()
			.path("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void administrators_see_no_case() {
		assertThat(Api.at(port).as("sysadmin", PASSWORD).get("/api/v1/cases").status()).isEqualTo(403);
	}

	@Test
	void the_list_filters_by_party_name_status_and_agency_and_is_paged() {
		String name = Fixtures.unique("筛选测试");
		for (int i = 0; i < 3; i++) {
			xinhua.post("/api/v1/cases", """
					{"partyKind": "ENTERPRISE", "partyName": "%s有限公司", "partyUscc": "%s", "supervisionLevel": "COUNTY",
					 "divisionCode": "410402", "violationType": "无证经营", "severity": "GENERAL"}"""
				.formatted(name, Fixtures.uscc("410402")));
		}

		JsonNode page = xinhua.get("/api/v1/cases?party=" + name + "&status=REGISTERED&agencyCode=410402&size=2").json();

		assertThat(page.path("totalElements").asLong()).isEqualTo(3);
		assertThat(page.path("content").size()).isEqualTo(2);
		assertThat(xinhua.get("/api/v1/cases?party=" + name + "&status=CLOSED").json().path("totalElements").asLong())
			.isZero();
	}

	@Test
	void an_edit_begun_before_a_bureau_joined_the_case_is_refused_as_stale_and_the_bureau_stays_on_it() {
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		long caseId = draft.path("caseId").asLong();
		long before = xinhua.get("/api/v1/cases/" + caseId).json().path("version").asLong();
		// the request is sent: 卫东区 joins the case as assisting (R2.4)
		Reply sent = xinhua.post("/api/v1/assistance-requests/" + draft.path("id").asLong() + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);

		Reply stale = xinhua.patch("/api/v1/cases/" + caseId, "{\"version\": %d, \"summary\": \"补充\"}".formatted(before));
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat(stale.problemCode()).isEqualTo("stale-edit");
		JsonNode now = xinhua.get("/api/v1/cases/" + caseId).json();
		Reply edited = xinhua.patch("/api/v1/cases/" + caseId,
				"{\"version\": %d, \"summary\": \"补充\"}".formatted(now.path("version").asLong()));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("participants").findValuesAsString("agencyCode")).contains("410403");
	}

	@Test
	void a_stale_edit_is_refused_naming_who_changed_the_case() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = created.path("id").asLong();
		Reply first = xinhua.patch("/api/v1/cases/" + id, "{\"version\": 0, \"status\": \"INVESTIGATING\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String uscc = created.path("party").path("uscc").asString();
		assertThat(xinhua.get("/api/v1/cases?status=INVESTIGATING&party=" + uscc).json().path("totalElements").asLong())
			.as("a bureau's list filters on the new status").isEqualTo(1);
		assertThat(xinhua.get("/api/v1/cases?status=REGISTERED&party=" + uscc).json().path("totalElements").asLong())
			.isZero();

		Api colleague = Api.at(port).as(Fixtures.person(Api.at(port), "410402", "ENFORCER"), Fixtures.NEW_USER_PASSWORD);
		Reply stale = colleague.patch("/api/v1/cases/" + id, "{\"version\": 0, \"violationType\": \"其他\"}");
		Reply detachment = Api.at(port).as("city.detachment", PASSWORD).patch("/api/v1/cases/" + id,
				"{\"version\": 1, \"violationType\": \"其他\"}");

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemCode()).isEqualTo("stale-edit");
		assertThat(stale.detail()).contains("王志强（平顶山市新华区应急管理局）");
		assertThat(detachment.status()).as("the detachment may read but not edit a county's case").isEqualTo(403);
	}

	@Test
	void an_agency_added_as_participant_sees_and_lists_the_case() {
		JsonNode created = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = created.path("id").asLong();
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		assertThat(lushan.patch("/api/v1/cases/" + id, "{\"version\": 0, \"summary\": \"越权\"}").status())
			.as("an invisible case is not found, also for an edit").isEqualTo(404);

		Reply added = xinhua.patch("/api/v1/cases/" + id, "{\"version\": 0, \"addParticipantCodes\": [\"410423\"]}");

		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().path("timeline").findValuesAsString("detail")).contains("增加协办单位鲁山县应急管理局");
		assertThat(lushan.get("/api/v1/cases/" + id).json().path("access").asString()).isEqualTo("FULL");
		assertThat(lushan.get("/api/v1/cases?party=" + created.path("party").path("uscc").asString()).json()
			.path("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void other_departments_do_not_join_the_case_register() {
		Reply refused = xinhua.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "某公司", "partyUscc": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "无证经营", "severity": "GENERAL",
				 "participantCodes": ["410400.police"]}""".formatted(Fixtures.uscc("410402")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.detail()).isEqualTo("协办单位须为应急管理部门，“平顶山市公安局”是其他部门");
	}

	@Test
	void the_list_filters_by_severity_type_and_period() {
		String name = Fixtures.unique("期间筛选");
		xinhua.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "%s有限公司", "partyUscc": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "特种作业人员未持证上岗", "severity": "MAJOR"}"""
			.formatted(name, Fixtures.uscc("410402")));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

		assertThat(count("party=" + name + "&severity=MAJOR&violationType=特种作业人员未持证上岗&from=" + today + "&to=" + today))
			.isEqualTo(1);
		assertThat(count("party=" + name + "&severity=GENERAL")).isZero();
		assertThat(count("party=" + name + "&from=" + tomorrow)).isZero();
	}

	private long count(String query) {
		return xinhua.get("/api/v1/cases?" + query).json().path("totalElements").asLong();
	}

	@Test
	void a_status_cannot_skip_steps() {
		long id = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();

		Reply refused = xinhua.patch("/api/v1/cases/" + id, "{\"version\": 0, \"status\": \"CLOSED\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemCode()).isEqualTo("illegal-status-change");
	}

	@Test
	void concurrent_registrations_get_distinct_consecutive_numbers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<JsonNode>> registrations = new ArrayList<>();
		Api wugang = Api.at(port).as("wugang.enforcer", PASSWORD);
		for (int i = 0; i < 12; i++) {
			registrations.add(pool.submit(() -> Fixtures.enterpriseCase(wugang, "410481", "COUNTY")));
		}
		List<Integer> numbers = new ArrayList<>();
		for (Future<JsonNode> registration : registrations) {
			String number = registration.get().path("number").asString();
			numbers.add(Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1")));
		}
		pool.shutdown();

		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()
				- numbers.stream().mapToInt(Integer::intValue).min().getAsInt()).isEqualTo(11);
	}

	private long caseCount() {
		return jdbc.queryForObject("select count(*) from enforcement_case", Long.class);
	}
}
