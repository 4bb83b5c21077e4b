package org.liandong.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** R3.1, R3.2, R4.1: agreements and memoranda signed by every party, and what an agreement commits to. */
@LiandongIntegrationTest
class InstrumentsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void an_agreement_signed_by_both_bureaus_sets_the_deadlines_of_requests_between_them() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		JsonNode drafted = draft(lushan, "AGREEMENT", "410425", 1, 5);
		long id = drafted.path("id").asLong();
		assertThat(drafted.path("state").asString()).isEqualTo("DRAFT");
		assertThat(drafted.path("parties").findValuesAsString("agencyCode")).containsExactlyInAnyOrder("410423", "410425");

		assertThat(lushan.post("/api/v1/instruments/" + id + "/sign", "{}").status()).as("not offered yet").isEqualTo(409);
		assertThat(lushan.post("/api/v1/instruments/" + id + "/submit", "{}").status()).isEqualTo(200);
		Reply stranger = Api.at(port).as("city.leader", PASSWORD).post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(stranger.status()).as("the city bureau is no party to it").isEqualTo(403);
		assertThat(stranger.detail()).contains("不是", "参加单位");
		assertThat(Api.at(port).as("ruzhou.enforcer", PASSWORD).get("/api/v1/instruments/" + id).status()).isEqualTo(404);

		JsonNode half = lushan.post("/api/v1/instruments/" + id + "/sign", "{}").json();
		assertThat(half.path("state").asString()).isEqualTo("AWAITING_SIGNATURES");
		assertThat(lushan.post("/api/v1/instruments/" + id + "/sign", "{}").status()).as("signed once").isEqualTo(409);
		JsonNode revised = jiaxian.put("/api/v1/instruments/" + id + "/text",
				"{\"text\": \"第一条 双方互相协助调查。第二条 一个工作日内受理。\", \"note\": \"补充第二条\"}").json();
		assertThat(revised.path("currentVersion").asInt()).isEqualTo(2);
		assertThat(revised.path("parties").findValuesAsString("signed")).as("a new text is signed anew")
			.containsOnly("false");
		lushan.post("/api/v1/instruments/" + id + "/sign", "{}");
		JsonNode inForce = jiaxian.post("/api/v1/instruments/" + id + "/sign", "{}").json();
		assertThat(inForce.path("state").asString()).isEqualTo("IN_FORCE");

		long caseId = Fixtures.enterpriseCase(lushan, "410423", "COUNTY").path("id").asLong();
		JsonNode request = lushan.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410425", "matters": "核实情况", "legalBasis": "《安全生产法》",
				 "answerBy": "%s"}""".formatted(caseId, LocalDate.now(BEIJING).plusDays(40))).json();
		Instant before = Instant.now();
		JsonNode sent = lushan.post("/api/v1/assistance-requests/" + request.path("id").asLong() + "/send", "{}").json();
		assertThat(sent.path("deadlineAgreementId").asLong()).isEqualTo(id);
		assertThat(sent.path("deadlineBasis").asString()).contains("鲁山郏县协查协议", "1 个工作日", "5 个工作日");
		assertThat(Instant.parse(sent.path("acceptDueAt").asString()))
			.isIn(calendar.endOfWorkingDays(before, 1), calendar.endOfWorkingDays(Instant.now(), 1));
		assertThat(Instant.parse(sent.path("answerDueAt").asString()))
			.isIn(calendar.endOfWorkingDays(before, 5), calendar.endOfWorkingDays(Instant.now(), 5));
	}

	@Test
	void a_memorandum_with_another_department_carries_each_signatorys_measures_once_in_force() {
		Api city = Api.at(port).as("city.detachment", PASSWORD);
		Api samr = Api.at(port).as("samr.leader", PASSWORD);
		JsonNode drafted = draft(city, "MEMORANDUM", "410400.samr", null, null);
		long id = drafted.path("id").asLong();
		city.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"提高安全生产检查频次\", \"不予评优评先\"]}");
		samr.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"限制参加政府采购活动\"]}");
		city.post("/api/v1/instruments/" + id + "/submit", "{}");
		city.post("/api/v1/instruments/" + id + "/sign", "{}");
		JsonNode changed = samr.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"限制招投标\"]}").json();
		assertThat(changed.path("parties").findValuesAsString("signed"))
			.as("the city signed other measures: changed measures are signed anew").containsOnly("false");
		assertThat(samr.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("AWAITING_SIGNATURES");
		JsonNode inForce = city.post("/api/v1/instruments/" + id + "/sign", "{}").json();
		assertThat(inForce.path("state").asString()).isEqualTo("IN_FORCE");
		assertThat(inForce.toString()).contains("提高安全生产检查频次", "限制招投标");
		assertThat(samr.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"其他\"]}").status())
			.as("measures are fixed once signed").isEqualTo(409);
		Reply commitment = city.post("/api/v1/instruments", """
				{"kind": "MEMORANDUM", "title": "错误", "scope": "范围", "text": "正文", "partyCodes": ["410400.samr"],
				 "effectiveFrom": "2026-01-01", "effectiveUntil": "2028-12-31", "acceptWorkingDays": 2}""");
		assertThat(commitment.status()).isEqualTo(400);
		assertThat(commitment.problemCode()).isEqualTo("commitment-on-memorandum");
	}

	@Test
	void bad_terms_are_refused_in_words_and_attachments_are_read_by_the_parties_only() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		Reply backwards = lushan.post("/api/v1/instruments", """
				{"kind": "AGREEMENT", "title": "协议", "scope": "范围", "text": "正文", "partyCodes": ["410425"],
				 "effectiveFrom": "2026-01-01", "effectiveUntil": "2028-12-31", "acceptWorkingDays": 5, "answerWorkingDays": 3}""");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.detail()).contains("答复时限（3 个工作日）应长于受理时限（5 个工作日）");

		long id = draft(lushan, "AGREEMENT", "410425", 2, 10).path("id").asLong();
		byte[] annex = "%PDF-1.4\n附件一：联络人名单\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		JsonNode attached = lushan.upload("/api/v1/instruments/" + id + "/attachments", "附件一.pdf", "application/pdf", annex)
			.json();
		long attachment = attached.path("attachments").get(0).path("id").asLong();
		Reply download = jiaxian.get("/api/v1/instruments/" + id + "/attachments/" + attachment);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("%PDF-1.4\n附件一：联络人名单\n%%EOF\n");
		assertThat(download.header("X-Content-SM3")).isEqualTo(attached.path("attachments").get(0).path("sm3").asString());
		assertThat(Api.at(port).as("ruzhou.enforcer", PASSWORD)
			.get("/api/v1/instruments/" + id + "/attachments/" + attachment).status()).as("not a party").isEqualTo(404);

		long ended = lushan.post("/api/v1/instruments", """
				{"kind": "AGREEMENT", "title": "已过期协议%s", "scope": "范围", "text": "正文", "partyCodes": ["410425"],
				 "effectiveFrom": "2024-01-01", "effectiveUntil": "2024-12-31"}""".formatted(Fixtures.unique(""))).json()
			.path("id").asLong();
		lushan.post("/api/v1/instruments/" + ended + "/submit", "{}");
		Reply late = lushan.post("/api/v1/instruments/" + ended + "/sign", "{}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.detail()).contains("截止日期 2024-12-31 已过");
	}

	static JsonNode draft(Api api, String kind, String other, Integer acceptDays, Integer answerDays) {
		Reply drafted = api.post("/api/v1/instruments", """
				{"kind": "%s", "title": "%s", "scope": "双方辖区内安全生产行政执法",
				 "text": "第一条 双方互相协助调查。", "partyCodes": ["%s"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s", "acceptWorkingDays": %s, "answerWorkingDays": %s}"""
			.formatted(kind, kind.equals("AGREEMENT") ? "鲁山郏县协查协议" + Fixtures.unique("") : "安全生产严重失信联合惩戒合作备忘录",
					other, LocalDate.now(BEIJING).minusDays(1), LocalDate.now(BEIJING).plusYears(2), acceptDays,
					answerDays));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		return drafted.json();
	}
}
