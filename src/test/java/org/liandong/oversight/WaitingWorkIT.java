package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21, "every action someone must take is a to-do": each state in which a record waits for a
 * bureau is an obligation of that bureau in the ledger (R7.1), with a deadline in working days, shown
 * on its home page, met when it acts; and the messages that asked for the work are then handled, no
 * longer unread. The deadlines expected here are counted from the working calendar's days, one by
 * one, not with the arithmetic that sets them.
 */
@LiandongIntegrationTest
class WaitingWorkIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String CITY = "410400";
	static final String XINHUA = "410402";

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	Api xinhua;
	Api legal;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		legal = Api.at(port).as("city.legal", PASSWORD);
	}

	@Test
	void a_major_case_owes_its_report_within_three_working_days_and_a_case_made_general_again_owes_none() {
		JsonNode kase = Fixtures.majorCase(xinhua);
		long caseId = kase.path("id").asLong();
		JsonNode owed = single(xinhua, "case", caseId, "报告重大案件");
		assertThat(owed.path("ownerAgencyCode").asString()).isEqualTo(XINHUA);
		assertThat(owed.path("state").asString()).isEqualTo("OPEN");
		assertThat(owed.path("link").asString()).isEqualTo("/cases/" + caseId);
		assertThat(Instant.parse(owed.path("dueAt").asString())).as("R7.1: 及时上报, three working days by default")
			.isEqualTo(endOfWorkingDay(LocalDate.now(BEIJING), 3));

		JsonNode other = Fixtures.majorCase(xinhua);
		Reply general = xinhua.patch("/api/v1/cases/" + other.path("id").asLong(),
				"{\"version\": %d, \"severity\": \"GENERAL\"}".formatted(other.path("version").asLong()));
		assertThat(general.status()).as(general.body()).isEqualTo(200);
		assertThat(single(xinhua, "case", other.path("id").asLong(), "报告重大案件").path("state").asString())
			.as("no longer major, no longer owed").isEqualTo("CANCELLED");
	}

	@Test
	void a_reported_major_case_is_the_citys_to_do_until_designated_and_its_message_is_then_handled() {
		JsonNode kase = Fixtures.majorCase(xinhua);
		long caseId = kase.path("id").asLong();
		Reply reported = xinhua.post("/api/v1/cases/" + caseId + "/major-report",
				"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，建议作为重大案件。\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long reportId = reported.json().path("id").asLong();
		assertThat(single(xinhua, "case", caseId, "报告重大案件").path("state").asString()).isEqualTo("MET");

		JsonNode designate = single(legal, "major-report", reportId, "指定管辖");
		assertThat(designate.path("ownerAgencyCode").asString()).isEqualTo(CITY);
		assertThat(designate.path("state").asString()).isEqualTo("OPEN");
		assertThat(Instant.parse(designate.path("dueAt").asString()))
			.isEqualTo(endOfWorkingDay(LocalDate.now(BEIJING), 5));
		PageSession pages = new PageSession(port);
		pages.signIn("city.legal", PASSWORD);
		String panel = pages.get("/oversight/panel").html();
		assertThat(panel).as("the legal office's home names the work it owes").contains("本单位须办理", "指定管辖",
				kase.path("number").asString());

		String link = "/major-reports/" + reportId;
		await().atMost(Duration.ofSeconds(10)).until(() -> message(legal, link) != null);
		assertThat(message(legal, link).path("handledAt").isNull()).isTrue();
		assertThat(unreadLinks(legal)).contains(link);

		Reply declined = legal.post("/api/v1" + link + "/decline", "{\"reason\": \"未达到重大案件标准，由属地依法办理。\"}");
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(single(legal, "major-report", reportId, "指定管辖").path("state").asString()).isEqualTo("MET");
		assertThat(message(legal, link).path("handledAt").isNull()).as("the work it asked for is done").isFalse();
		assertThat(unreadLinks(legal)).as("a handled message is not counted unread").doesNotContain(link);
		assertThat(pages.get("/inbox").html()).contains("已办结");
	}

	@Test
	void an_answer_waits_for_the_requesters_confirmation() {
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		long id = Fixtures.draftRequest(xinhua, "410403").path("id").asLong();
		act(xinhua, id, "send", "{}");
		// the module names the obligation's page as it settles it, and the ledger marks the message from it (issue 18)
		String link = "/assistance/" + id;
		await().atMost(Duration.ofSeconds(10)).until(() -> message(weidong, link) != null);
		assertThat(message(weidong, link).path("handledAt").isNull()).isTrue();
		act(weidong, id, "accept", "{}");
		assertThat(message(weidong, link).path("handledAt").isNull()).as("accepted: the request's message is handled")
			.isFalse();
		act(weidong, id, "answer", "{\"text\": \"经核查，该企业在卫东区的经营场所于2026年3月停业。\"}");
		JsonNode confirm = single(xinhua, "assistance-request", id, "确认协查答复");
		assertThat(confirm.path("ownerAgencyCode").asString()).isEqualTo(XINHUA);
		assertThat(Instant.parse(confirm.path("dueAt").asString())).isEqualTo(endOfWorkingDay(LocalDate.now(BEIJING), 5));
		act(xinhua, id, "confirm", "{}");
		assertThat(single(xinhua, "assistance-request", id, "确认协查答复").path("state").asString()).isEqualTo("MET");
	}

	@Test
	void every_party_owes_its_signature_to_the_text_offered_and_a_new_text_is_owed_anew() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		long id = offered(lushan, "AGREEMENT", "鲁山郏县协查协议", "第一条 双方互相协助调查。");
		assertThat(states(legal, "instrument", id)).containsOnly(
				Map.entry("410423 签署第 1 稿", "OPEN"), Map.entry("410425 签署第 1 稿", "OPEN"));
		assertThat(single(lushan, "instrument", id, "签署第 1 稿").path("dueAt").asString())
			.isEqualTo(endOfWorkingDay(LocalDate.now(BEIJING), 10).toString());

		lushan.post("/api/v1/instruments/" + id + "/sign", "{}");
		Reply revised = jiaxian.put("/api/v1/instruments/" + id + "/text",
				"{\"text\": \"第一条 双方互相协助调查。第二条 一个工作日内受理。\", \"note\": \"补充第二条\"}");
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(states(legal, "instrument", id)).as("the first text is no longer offered: signed or not, done")
			.containsOnly(Map.entry("410423 签署第 1 稿", "MET"), Map.entry("410425 签署第 1 稿", "CANCELLED"),
					Map.entry("410423 签署第 2 稿", "OPEN"), Map.entry("410425 签署第 2 稿", "OPEN"));

		lushan.post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(jiaxian.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("IN_FORCE");
		assertThat(states(legal, "instrument", id)).doesNotContainValue("OPEN");
	}

	@Test
	void a_party_whose_signature_a_change_of_measures_voided_owes_it_again() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		long id = offered(lushan, "MEMORANDUM", "鲁山郏县惩戒备忘录", "第一条 对严重失信主体实施联合惩戒。");
		assertThat(lushan.post("/api/v1/instruments/" + id + "/sign", "{}").status()).isEqualTo(200);
		Reply measures = jiaxian.put("/api/v1/instruments/" + id + "/measures",
				"{\"measures\": [\"限制参加政府采购\"]}");
		assertThat(measures.status()).as(measures.body()).isEqualTo(200);
		assertThat(states(legal, "instrument", id)).as("Lushan signed the measures as they were: it signs again")
			.containsOnly(Map.entry("410423 签署第 1 稿", "MET"), Map.entry("410425 签署第 1 稿", "OPEN"),
					Map.entry("410423 惩戒措施变更后重新签署第 1 稿", "OPEN"));

		lushan.post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(jiaxian.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("IN_FORCE");
		assertThat(states(legal, "instrument", id)).doesNotContainValue("OPEN");
	}

	@Test
	void a_listing_proposal_is_the_citys_to_decide_once_the_defence_period_is_over() {
		JsonNode kase = Fixtures.majorCase(xinhua);
		Reply proposed = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long id = proposed.json().path("id").asLong();
		LocalDate defenceEnds = Instant.parse(proposed.json().path("defenceDueAt").asString()).minusSeconds(1)
			.atZone(BEIJING).toLocalDate();
		JsonNode decide = single(legal, "credit-entry", id, "作出列入决定");
		assertThat(decide.path("ownerAgencyCode").asString()).isEqualTo(CITY);
		assertThat(Instant.parse(decide.path("dueAt").asString())).as("five working days after the defence period")
			.isEqualTo(endOfWorkingDay(defenceEnds, 5));

		legal.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"无异议\"}");
		Reply decided = legal.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": false, \"reason\": \"情节较轻\"}");
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(single(legal, "credit-entry", id, "作出列入决定").path("state").asString()).isEqualTo("MET");
	}

	/** An instrument of Lushan and Jiaxian drafted by Lushan and offered for signature; its id. */
	private static long offered(Api lushan, String kind, String title, String text) {
		Reply drafted = lushan.post("/api/v1/instruments", """
				{"kind": "%s", "title": "%s", "scope": "双方辖区内安全生产行政执法", "text": "%s", "partyCodes": ["410425"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s"}"""
			.formatted(kind, Fixtures.unique(title), text, LocalDate.now(BEIJING), LocalDate.now(BEIJING).plusYears(1)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long id = drafted.json().path("id").asLong();
		assertThat(lushan.post("/api/v1/instruments/" + id + "/submit", "{}").status()).isEqualTo(200);
		return id;
	}

	/** The end (24:00 Beijing) of the n-th working day after the given day, found day by day. */
	Instant endOfWorkingDay(LocalDate from, int n) {
		LocalDate day = from;
		for (int found = 0; found < n;) {
			day = day.plusDays(1);
			if (calendar.isWorkingDay(day)) {
				found++;
			}
		}
		return day.plusDays(1).atStartOfDay(BEIJING).toInstant();
	}

	static JsonNode single(Api api, String subjectType, long subjectId, String obligation) {
		List<JsonNode> found = obligations(api, subjectType, subjectId).stream()
			.filter(o -> o.path("obligation").asString().equals(obligation))
			.toList();
		assertThat(found).as(obligation + " of " + subjectType + " " + subjectId).hasSize(1);
		return found.get(0);
	}

	/** Each obligation of the subject as "owner words" → state. */
	static Map<String, String> states(Api api, String subjectType, long subjectId) {
		return obligations(api, subjectType, subjectId).stream().collect(java.util.stream.Collectors.toMap(
				o -> o.path("ownerAgencyCode").asString() + " " + o.path("obligation").asString(),
				o -> o.path("state").asString()));
	}

	static List<JsonNode> obligations(Api api, String subjectType, long subjectId) {
		Reply listed = api.get("/api/v1/obligations?subjectType=" + subjectType + "&size=500");
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		return StreamSupport.stream(listed.json().path("content").spliterator(), false)
			.filter(o -> o.path("subjectId").asLong() == subjectId)
			.toList();
	}

	static JsonNode message(Api api, String link) {
		return StreamSupport.stream(api.get("/api/v1/inbox?size=200").json().path("messages").path("content")
			.spliterator(), false).filter(m -> link.equals(m.path("link").asString())).findFirst().orElse(null);
	}

	static List<String> unreadLinks(Api api) {
		return api.get("/api/v1/inbox?unread=true&size=200").json().path("messages").path("content")
			.findValuesAsString("link");
	}

	static void act(Api api, long id, String action, String body) {
		Reply reply = api.post("/api/v1/assistance-requests/" + id + "/" + action, body);
		assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
	}
}
