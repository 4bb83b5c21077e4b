package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
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
 * Issue 22 (N5, R2.4, X2): an assisting bureau that is not competent forwards a sent request to the
 * competent bureau with its reason, instead of only returning it. 新华区 asks 卫东区, which forwards to
 * 湛河区: 湛河区 becomes the assisting bureau with an acceptance deadline of two working days counted
 * from the forward, 卫东区's obligation to accept is met and 湛河区 owes it, 新华区 receives a
 * numbered 协查转办函 and a message, the history and the audit trail name the reason.
 */
@LiandongIntegrationTest
class AssistanceForwardingIT {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	Api xinhua;
	Api weidong;
	Api zhanhe;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		zhanhe = Api.at(port).as("zhanhe.enforcer", PASSWORD);
	}

	@Test
	void a_forward_makes_the_competent_bureau_the_assisting_one_restarts_acceptance_and_informs_the_requester() {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		long id = sent(caseId, "410403");
		String number = xinhua.get("/api/v1/assistance-requests/" + id).json().path("number").asString();
		String reason = "该企业的生产经营场所位于湛河区，不属本局管辖，由湛河区应急管理局办理。";

		Instant before = Instant.now();
		Reply forwarded = weidong.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"forwardTo\": \"410411\", \"text\": \"%s\"}".formatted(reason));
		Instant after = Instant.now();
		assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
		JsonNode r = forwarded.json();
		assertThat(r.path("state").asString()).as("still awaiting acceptance, now by the competent bureau")
			.isEqualTo("SENT");
		assertThat(r.path("assistingAgencyCode").asString()).isEqualTo("410411");
		assertThat(r.path("number").asString()).as("the request keeps the number of its letter").isEqualTo(number);
		assertThat(Instant.parse(r.path("acceptDueAt").asString()))
			.as("two working days counted from the forward, not from the sending")
			.isIn(calendar.endOfWorkingDays(before, 2), calendar.endOfWorkingDays(after, 2));
		assertThat(r.path("actions").size()).as("the forwarder has nothing left to do").isZero();
		JsonNode notice = letter(r, "协查转办函");
		assertThat(notice.path("number").asString()).matches(".+转〔\\d{4}〕\\d+号");

		// the forwarder no longer takes part in the request (X2); the competent bureau does, and sees the case
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).status()).isEqualTo(404);
		JsonNode atZhanhe = zhanhe.get("/api/v1/assistance-requests/" + id).json();
		assertThat(atZhanhe.path("actions").toString()).contains("ACCEPT", "RETURN", "FORWARD");
		assertThat(zhanhe.get("/api/v1/assistance-requests?role=incoming&size=200").json().path("content")
			.findValuesAsString("id")).contains(Long.toString(id));
		assertThat(zhanhe.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
		// it reads the request's letter, addressed to the bureau before it, and downloads it
		JsonNode original = letter(atZhanhe, "协助调查函");
		assertThat(original.path("number").asString()).isEqualTo(number);
		Reply pdf = zhanhe.download("/api/v1/documents/" + original.path("documentId").asLong() + ".pdf");
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");

		// the requester reads the notice letter, numbered and addressed to it, with the reason
		JsonNode letter = xinhua.get("/api/v1/documents/" + notice.path("documentId").asLong()).json();
		assertThat(letter.path("addressee").asString()).isEqualTo("平顶山市新华区应急管理局");
		assertThat(letter.path("body").asString()).contains(number, reason, "平顶山市湛河区应急管理局");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(xinhua).stream()
			.anyMatch(title -> title.startsWith("【协查转办】") && title.contains(number)));
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(zhanhe).stream()
			.anyMatch(title -> title.contains("转来") && title.contains(number)));

		// the ledger (R7.1): the old bureau answered lawfully, the new one owes acceptance by the new deadline
		assertThat(obligation(id, "410403")).isEqualTo("MET");
		assertThat(obligation(id, "410411")).isEqualTo("OPEN");
		assertThat(jdbc.sql("select due_at from obligation where subject_type = 'assistance-request' and subject_id = ? "
				+ "and owner_agency = '410411'").param(id).query(OffsetDateTime.class).single().toInstant())
			.isEqualTo(Instant.parse(r.path("acceptDueAt").asString()));

		JsonNode history = xinhua.get("/api/v1/assistance-requests/" + id).json().path("history");
		assertThat(history.findValuesAsString("action")).containsSubsequence("SEND", "FORWARD");
		assertThat(history.findValuesAsString("detail")).anyMatch(d -> d.contains("转办") && d.contains(reason));
		Audited.chained();
		assertThat(jdbc.sql("select detail from audit_record where action = 'ASSISTANCE_FORWARD' and object_id = ?")
			.param(number).query(String.class).list()).singleElement().asString().contains(reason);
		assertThat(xinhua.get("/api/v1/cases/" + caseId).json().path("timeline").findValuesAsString("kind"))
			.contains("ASSISTANCE_FORWARD");

		// the competent bureau goes on as with any request; a forward once accepted is no longer possible
		JsonNode accepted = zhanhe.post("/api/v1/assistance-requests/" + id + "/accept", "{}").json();
		assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
		Reply late = zhanhe.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"forwardTo\": \"410421\", \"text\": \"另有管辖单位。\"}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.detail()).isEqualTo("协查请求当前为“已受理，办理中”，不能转办");
	}

	@Test
	void a_forward_to_itself_the_requester_a_non_bureau_or_nowhere_or_without_reason_is_refused_and_changes_nothing() {
		long id = sent(Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong(), "410403");
		JsonNode seen = xinhua.get("/api/v1/assistance-requests/" + id).json();
		String why = "不属本局管辖。";
		Map<String, String> refusals = Map.of(
				"{\"forwardTo\": \"410411\", \"text\": \"  \"}", "forward-needs-reason",
				"{\"text\": \"%s\"}".formatted(why), "forward-needs-agency",
				"{\"forwardTo\": \"410403\", \"text\": \"%s\"}".formatted(why), "forward-to-self",
				"{\"forwardTo\": \"410402\", \"text\": \"%s\"}".formatted(why), "forward-to-requester",
				"{\"forwardTo\": \"410400.police\", \"text\": \"%s\"}".formatted(why), "not-emergency-agency",
				"{\"forwardTo\": \"410400.legal\", \"text\": \"%s\"}".formatted(why), "forward-not-bureau",
				"{\"forwardTo\": \"419999\", \"text\": \"%s\"}".formatted(why), "unknown-agency");
		refusals.forEach((body, code) -> {
			Reply refused = weidong.post("/api/v1/assistance-requests/" + id + "/forward", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.problemCode()).as(body).isEqualTo(code);
			assertThat(refused.detail()).as("a Chinese explanation").containsPattern("[\\u4e00-\\u9fa5]");
		});
		assertThat(weidong.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"forwardTo\": \"410402\", \"text\": \"x\"}").detail()).contains("不能转办给请求单位");

		// X2: only a case officer of the assisting bureau forwards, as it alone accepts or returns
		Reply byRequester = xinhua.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"forwardTo\": \"410411\", \"text\": \"%s\"}".formatted(why));
		assertThat(byRequester.status()).isEqualTo(403);
		assertThat(byRequester.detail()).contains("只有协助单位");
		Reply liaison = Api.at(port).as("weidong.liaison", PASSWORD).post("/api/v1/assistance-requests/" + id
				+ "/forward", "{\"forwardTo\": \"410411\", \"text\": \"%s\"}".formatted(why));
		assertThat(liaison.status()).as("as for accepting").isEqualTo(403);
		assertThat(zhanhe.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"forwardTo\": \"410421\", \"text\": \"%s\"}".formatted(why)).status()).isEqualTo(404);
		Reply stale = weidong.post("/api/v1/assistance-requests/" + id + "/forward",
				"{\"version\": %d, \"forwardTo\": \"410411\", \"text\": \"%s\"}".formatted(seen.path("version").asLong() - 1,
						why));
		assertThat(stale.status()).isEqualTo(409);

		JsonNode now = xinhua.get("/api/v1/assistance-requests/" + id).json();
		assertThat(now.path("state").asString()).isEqualTo("SENT");
		assertThat(now.path("assistingAgencyCode").asString()).isEqualTo("410403");
		assertThat(now.path("version").asLong()).isEqualTo(seen.path("version").asLong());
		assertThat(now.path("acceptDueAt").asString()).isEqualTo(seen.path("acceptDueAt").asString());
		assertThat(now.path("history").findValuesAsString("action")).doesNotContain("FORWARD");
		assertThat(now.path("letters").findValuesAsString("kindLabel")).doesNotContain("协查转办函");
		assertThat(obligation(id, "410403")).isEqualTo("OPEN");
		assertThat(jdbc.sql("select count(*) from obligation where subject_type = 'assistance-request' and subject_id = ? "
				+ "and owner_agency <> '410403'").param(id).query(Integer.class).single()).isZero();

		// a draft cannot be forwarded: nobody has it but its requester
		long draft = Fixtures.draftRequest(xinhua, "410403").path("id").asLong();
		assertThat(weidong.post("/api/v1/assistance-requests/" + draft + "/forward",
				"{\"forwardTo\": \"410411\", \"text\": \"%s\"}".formatted(why)).status()).isEqualTo(404);
	}

	@Test
	void the_request_page_forwards_after_confirmation_and_shows_a_refusal_in_chinese() {
		long id = sent(Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong(), "410403");
		PageSession pages = new PageSession(port);
		pages.signIn("weidong.enforcer", PASSWORD);
		String html = pages.get("/assistance/" + id).html();
		assertThat(html).contains("id=\"forward-form\"", "确定转办？", "转办理由", "平顶山市湛河区应急管理局");
		String version = Long.toString(weidong.get("/api/v1/assistance-requests/" + id).json().path("version").asLong());

		Page bare = pages.post("/assistance/" + id + "/forward", Map.of("version", version, "forwardTo", "410411",
				"text", ""));
		assertThat(bare.status()).isEqualTo(200);
		assertThat(bare.html()).contains("请写明转办理由");
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("assistingAgencyCode").asString())
			.isEqualTo("410403");

		Page done = pages.post("/assistance/" + id + "/forward", Map.of("version", version, "forwardTo", "410411",
				"text", "经营场所在湛河区。"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/assistance");
		assertThat(pages.get("/assistance").html()).contains("转办平顶山市湛河区应急管理局");
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("assistingAgencyCode").asString())
			.isEqualTo("410411");
		PageSession competent = new PageSession(port);
		competent.signIn("zhanhe.enforcer", PASSWORD);
		assertThat(competent.get("/assistance/" + id).html()).contains("id=\"accept-form\"", "id=\"forward-form\"",
				"经营场所在湛河区。");
	}

	long sent(long caseId, String assisting) {
		Reply created = xinhua.post("/api/v1/assistance-requests",
				AssistanceRequestsIT.body(caseId, assisting, LocalDate.now(AssistanceRequestsIT.BEIJING).plusDays(30)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		Reply sent = xinhua.post("/api/v1/assistance-requests/" + id + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return id;
	}

	String obligation(long id, String owner) {
		List<String> states = jdbc.sql("select state from obligation where subject_type = 'assistance-request' "
				+ "and subject_id = ? and obligation = '受理或退回协查请求' and owner_agency = ?")
			.params(id, owner)
			.query(String.class)
			.list();
		assertThat(states).as("one obligation of %s", owner).hasSize(1);
		return states.get(0);
	}

	static JsonNode letter(JsonNode request, String kindLabel) {
		for (JsonNode letter : request.path("letters")) {
			if (kindLabel.equals(letter.path("kindLabel").asString())) {
				return letter;
			}
		}
		throw new AssertionError("no " + kindLabel + " in " + request.path("letters"));
	}
}
