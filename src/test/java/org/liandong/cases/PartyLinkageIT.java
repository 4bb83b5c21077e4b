package org.liandong.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.platform.ResidentIdNumber;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 22 (N4, 一处发现、多方联动; R2.3, R2.4, R2.7, X2): a bureau learns that other bureaus have open
 * cases on the same party (the same USCC, or the same ID number compared through its keyed hash):
 * which bureau, how many, its liaison, never the cases. One click notifies them or drafts a request
 * to one of them; an enforcer checks a party by its key; the city lists the parties open in more than
 * one bureau.
 */
@LiandongIntegrationTest
public class PartyLinkageIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api xinhua;
	Api zhanhe;
	Api baofeng;
	Api wugang;
	Api weidong;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		zhanhe = Api.at(port).as("zhanhe.enforcer", PASSWORD);
		baofeng = Api.at(port).as("baofeng.enforcer", PASSWORD);
		wugang = Api.at(port).as("wugang.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
	}

	@Test
	void a_case_shows_the_other_bureaus_with_open_cases_on_its_enterprise_how_many_and_their_liaison_not_the_cases() {
		String uscc = Fixtures.uscc("410402");
		String name = Fixtures.unique("平顶山联动化工有限公司");
		long atXinhua = enterpriseCase(xinhua, uscc, name, "410402");
		JsonNode firstAtZhanhe = caseJson(zhanhe, uscc, name, "410411");
		enterpriseCase(zhanhe, uscc, name, "410411");
		close(baofeng, enterpriseCase(baofeng, uscc, name, "410421"));

		Reply seen = xinhua.get("/api/v1/cases/" + atXinhua + "/party-elsewhere");
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat(seen.json().path("party").asString()).isEqualTo(uscc);
		JsonNode bureaus = seen.json().path("bureaus");
		assertThat(bureaus.size()).as("湛河区 with two open cases; 宝丰县's case is closed; 新华区 is the case's own")
			.isEqualTo(1);
		assertThat(bureaus.get(0).path("agencyCode").asString()).isEqualTo("410411");
		assertThat(bureaus.get(0).path("agencyName").asString()).isEqualTo("平顶山市湛河区应急管理局");
		assertThat(bureaus.get(0).path("openCases").asInt()).isEqualTo(2);
		assertThat(bureaus.get(0).path("liaisons").findValuesAsString("agencyCode")).isNotEmpty()
			.allMatch("410411"::equals);
		assertThat(seen.body()).as("X2: nothing of the other bureau's cases")
			.doesNotContain(firstAtZhanhe.path("number").asString(), "未按规定开展安全教育培训", "检查中发现");

		JsonNode back = zhanhe.get("/api/v1/cases/" + firstAtZhanhe.path("id").asLong() + "/party-elsewhere").json();
		assertThat(PartyLinkageIT.codes(back.path("bureaus"))).containsExactly("410402");
		assertThat(back.path("bureaus").get(0).path("openCases").asInt()).isEqualTo(1);
		assertThat(weidong.get("/api/v1/cases/" + atXinhua + "/party-elsewhere").status())
			.as("a bureau that does not see the case learns nothing of it (X2)").isEqualTo(404);

		// R2.7: the city bureau sees the party open in two bureaus; a county does not see that list
		JsonNode row = cityRow(uscc);
		assertThat(row.path("kind").asString()).isEqualTo("ENTERPRISE");
		assertThat(row.path("name").asString()).isEqualTo(name);
		assertThat(row.path("openCases").asInt()).isEqualTo(3);
		assertThat(PartyLinkageIT.codes(row.path("bureaus"))).containsExactlyInAnyOrder("410402", "410411");
		Reply county = xinhua.get("/api/v1/cases/parties-in-several-bureaus");
		assertThat(county.status()).isEqualTo(403);
		assertThat(county.contentType()).startsWith("application/problem+json");
		Reply negative = Api.at(port).as("city.leader", PASSWORD).get("/api/v1/cases/parties-in-several-bureaus?page=-1");
		assertThat(negative.status()).isEqualTo(400);
	}

	@Test
	void the_same_person_is_found_through_a_keyed_hash_of_the_id_number_never_stored_in_clear() {
		String id = idNumber();
		long atXinhua = personCase(xinhua, id, "410402");
		long atWugang = personCase(wugang, id.toLowerCase(), "410481");
		List<String> hashes = jdbc.sql("select party_id_hash from enforcement_case where id in (?, ?)")
			.params(atXinhua, atWugang).query(String.class).list();
		assertThat(hashes).hasSize(2).doesNotContainNull();
		assertThat(hashes.get(0)).as("the same person, the same hash").isEqualTo(hashes.get(1))
			.doesNotContain(id.substring(6, 14)).matches("[0-9a-f]{8}:[0-9a-f]{64}");

		JsonNode seen = xinhua.get("/api/v1/cases/" + atXinhua + "/party-elsewhere").json();
		assertThat(seen.path("kind").asString()).isEqualTo("PERSON");
		assertThat(seen.path("party").asString()).doesNotContain(id.substring(6, 14));
		assertThat(PartyLinkageIT.codes(seen.path("bureaus"))).containsExactly("410481");
		assertThat(personCaseSeenElsewhere(personCase(zhanhe, idNumber(), "410411"))).as("another person").isEmpty();

		JsonNode row = cityRow(seen.path("party").asString());
		assertThat(row.path("kind").asString()).isEqualTo("PERSON");
		assertThat(row.path("uscc").isNull()).isTrue();
		assertThat(row.toString()).doesNotContain(id.substring(6, 14), hashes.get(0));
	}

	@Test
	void an_enforcer_checks_a_party_by_uscc_or_id_number_and_each_check_is_audited() {
		String uscc = Fixtures.uscc("410402");
		String name = Fixtures.unique("平顶山核查建材有限公司");
		enterpriseCase(xinhua, uscc, name, "410402");
		enterpriseCase(zhanhe, uscc, name, "410411");
		String id = idNumber();
		personCase(wugang, id, "410481");

		JsonNode byUscc = check(weidong, "{\"uscc\": \"%s\"}".formatted(uscc.toLowerCase()));
		assertThat(PartyLinkageIT.codes(byUscc.path("bureaus"))).containsExactly("410402", "410411");
		JsonNode own = check(xinhua, "{\"uscc\": \"%s\"}".formatted(uscc));
		assertThat(PartyLinkageIT.codes(own.path("bureaus"))).as("the checker's own cases are its own")
			.containsExactly("410411");
		JsonNode byId = check(xinhua, "{\"idNumber\": \"%s\"}".formatted(id));
		assertThat(PartyLinkageIT.codes(byId.path("bureaus"))).containsExactly("410481");
		assertThat(byId.path("party").asString()).startsWith(id.substring(0, 3)).doesNotContain(id.substring(6, 14));
		assertThat(check(xinhua, "{\"uscc\": \"%s\"}".formatted(Fixtures.uscc("410402"))).path("bureaus").size())
			.as("a party nobody has a case on").isZero();
		Audited.chained();
		assertThat(jdbc.sql("select object_id from audit_record where action = 'PARTY_LINKAGE_CHECKED'")
			.query(String.class).list()).contains(uscc, byId.path("party").asString()).noneMatch(o -> o.equals(id));

		Map<String, String> refusals = Map.of(
				"{}", "party-check-needs-one-key",
				"{\"uscc\": \"%s\", \"idNumber\": \"%s\"}".formatted(uscc, id), "party-check-needs-one-key",
				"{\"uscc\": \"%s\"}".formatted(uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0')), "invalid-uscc",
				"{\"idNumber\": \"%s\"}".formatted(id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')),
				"invalid-id-number");
		refusals.forEach((body, code) -> {
			Reply refused = xinhua.post("/api/v1/cases/party-checks", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.problemCode()).as(body).isEqualTo(code);
			assertThat(refused.detail()).containsPattern("[\\u4e00-\\u9fa5]");
		});
		assertThat(Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/cases/party-checks",
				"{\"uscc\": \"%s\"}".formatted(uscc)).status()).as("a check is an enforcer's").isEqualTo(403);
	}

	@Test
	void the_case_page_shows_them_and_notifies_them_or_drafts_a_request_at_one_click() {
		String uscc = Fixtures.uscc("410402");
		String name = Fixtures.unique("平顶山一键联动机械有限公司");
		long atXinhua = enterpriseCase(xinhua, uscc, name, "410402");
		enterpriseCase(zhanhe, uscc, name, "410411");
		PageSession pages = new PageSession(port);
		pages.signIn("xinhua.enforcer", PASSWORD);
		String html = pages.get("/cases/" + atXinhua).html();
		assertThat(html).contains("id=\"party-elsewhere\"", "平顶山市湛河区应急管理局", "1 件", "id=\"notify-elsewhere-form\"",
				"id=\"ask-410411\"", "一键通报以上单位", "确定？");

		// R2.3: the one-click notification, the fields its form carries
		Page notified = pages.post("/cases/" + atXinhua + "/notifications", Map.of("recipientCodes", "410411",
				"message", "本案当事人（" + name + "）在贵单位亦有未结案件，特此通报，请相互配合（一处发现、多方联动）。"));
		assertThat(notified.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10)).until(() -> zhanhe.get("/api/v1/inbox?size=200").json().path("messages")
			.path("content").findValuesAsString("body").stream().anyMatch(body -> body.contains(name)));

		// R2.4: the one-click draft request to the bureau, pre-filled, to be checked and sent
		Page drafted = pages.post("/assistance", Map.of("caseId", Long.toString(atXinhua), "assistingAgencyCode",
				"410411", "matters", "该当事人（" + name + "）在贵单位亦有未结案件，请协助核实其在贵辖区的违法事实及相关证据，并提供案件承办人联系方式。",
				"legalBasis", "《平顶山市应急管理系统跨区域执法联动响应协作机制的意见（试行）》二（一）3", "answerBy",
				java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString()));
		assertThat(drafted.status()).isEqualTo(302);
		long draft = Long.parseLong(drafted.location().replaceAll(".*/assistance/", ""));
		JsonNode request = xinhua.get("/api/v1/assistance-requests/" + draft).json();
		assertThat(request.path("state").asString()).isEqualTo("DRAFT");
		assertThat(request.path("assistingAgencyCode").asString()).isEqualTo("410411");
		assertThat(request.path("matters").asString()).contains(name);

		// the enforcer's check page and the city's list
		Page checked = pages.post("/cases/party-check", Map.of("uscc", uscc, "idNumber", ""));
		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.html()).contains("id=\"party-check-result\"", "平顶山市湛河区应急管理局", "1 件");
		assertThat(pages.post("/cases/party-check", Map.of("uscc", "", "idNumber", "")).html())
			.contains("请填写统一社会信用代码或公民身份号码");
		PageSession city = new PageSession(port);
		city.signIn("city.leader", PASSWORD);
		assertThat(city.get("/cases/parties-in-several-bureaus?size=200").html()).contains(name);
		assertThat(pages.get("/cases/parties-in-several-bureaus").status()).isEqualTo(403);
	}

	JsonNode cityRow(String party) {
		JsonNode listed = Api.at(port).as("city.leader", PASSWORD).get("/api/v1/cases/parties-in-several-bureaus?size=200")
			.json();
		assertThat(listed.path("totalElements").asInt()).isPositive();
		for (JsonNode row : listed.path("content")) {
			if (party.equals(row.path("uscc").asString()) || party.equals(row.path("idNumberMasked").asString())) {
				return row;
			}
		}
		throw new AssertionError(party + " not among " + listed);
	}

	List<String> personCaseSeenElsewhere(long id) {
		return codes(zhanhe.get("/api/v1/cases/" + id + "/party-elsewhere").json().path("bureaus"));
	}

	JsonNode check(Api api, String body) {
		Reply checked = api.post("/api/v1/cases/party-checks", body);
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		return checked.json();
	}

	static long enterpriseCase(Api enforcer, String uscc, String name, String division) {
		return caseJson(enforcer, uscc, name, division).path("id").asLong();
	}

	static JsonNode caseJson(Api enforcer, String uscc, String name, String division) {
		Reply created = enforcer.post("/api/v1/cases", """
				{"partyKind": "ENTERPRISE", "partyName": "%s", "partyUscc": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "%s", "violationType": "未按规定开展安全教育培训", "severity": "GENERAL",
				 "summary": "检查中发现该企业未对从业人员进行安全生产教育和培训。"}""".formatted(name, uscc, division));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	public static long personCase(Api enforcer, String idNumber, String division) {
		Reply created = enforcer.post("/api/v1/cases", """
				{"partyKind": "PERSON", "partyName": "张某某", "partyIdNumber": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "%s", "violationType": "无证作业", "severity": "GENERAL"}""".formatted(idNumber, division));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	static void close(Api enforcer, long id) {
		long version = enforcer.get("/api/v1/cases/" + id).json().path("version").asLong();
		for (String status : new String[] { "INVESTIGATING", "DECIDED", "CLOSED" }) {
			Reply moved = enforcer.patch("/api/v1/cases/" + id, "{\"version\": %d, \"status\": \"%s\"}".formatted(version,
					status));
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			version = moved.json().path("version").asLong();
		}
	}

	/** The bureaus listed, by code (their liaisons carry the code too). */
	public static List<String> codes(JsonNode bureaus) {
		List<String> codes = new java.util.ArrayList<>();
		bureaus.forEach(b -> codes.add(b.path("agencyCode").asString()));
		return codes;
	}

	/** A valid ID number no earlier run has used (the database of a PostgreSQL run is kept). */
	public static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String first17 = "410402%04d%02d%02d%03d".formatted(1950 + random.nextInt(50), 1 + random.nextInt(12),
				1 + random.nextInt(28), random.nextInt(1000));
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}
}
