package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** R2.4: written assistance requests between two bureaus, end to end over the API. */
@LiandongIntegrationTest
class AssistanceRequestsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	Api xinhua;
	Api weidong;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
	}

	@Test
	void a_request_goes_from_draft_to_confirmed_with_a_numbered_letter_deadlines_evidence_and_history() {
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		LocalDate answerBy = LocalDate.now(BEIJING).plusDays(30);
		JsonNode draft = draft(kase.path("id").asLong(), "410403", answerBy);
		assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("number").isNull()).as("a draft has no number yet").isTrue();
		long id = draft.path("id").asLong();
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).status())
			.as("a draft is the requester's own until sent").isEqualTo(404);

		Instant before = Instant.now();
		JsonNode sent = act(xinhua, id, "send", "{\"version\": %d}".formatted(draft.path("version").asLong()));
		assertThat(sent.path("state").asString()).isEqualTo("SENT");
		assertThat(sent.path("number").asString()).matches("新华应急协〔\\d{4}〕\\d+号");
		assertThat(sent.path("requesterAgencyCode").asString()).isEqualTo("410402");
		assertThat(sent.path("assistingAgencyCode").asString()).isEqualTo("410403");
		assertThat(Instant.parse(sent.path("acceptDueAt").asString()))
			.as("acceptance due at the end of the second working day")
			.isIn(calendar.endOfWorkingDays(before, 2), calendar.endOfWorkingDays(Instant.now(), 2));
		assertThat(Instant.parse(sent.path("answerDueAt").asString()))
			.isEqualTo(answerBy.plusDays(1).atStartOfDay(BEIJING).toInstant());
		assertThat(sent.path("letters").findValuesAsString("number")).containsExactly(sent.path("number").asString());
		assertThat(sent.path("letters")).as("the sending's answer shows the letter as a reading of the request does")
			.isEqualTo(xinhua.get("/api/v1/assistance-requests/" + id).json().path("letters"));

		// the assisting bureau: in its incoming list, in its inbox, on the case
		assertThat(weidong.get("/api/v1/assistance-requests?role=incoming&size=200").json().path("content")
			.findValuesAsString("number")).contains(sent.path("number").asString());
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxTitles(weidong).stream()
			.anyMatch(title -> title.contains("请求协助调查（" + sent.path("number").asString())));
		assertThat(weidong.get("/api/v1/cases/" + kase.path("id").asLong()).status())
			.as("the assisting bureau sees the case it investigates").isEqualTo(200);
		long letterId = sent.path("letters").get(0).path("documentId").asLong();
		JsonNode letter = weidong.get("/api/v1/documents/" + letterId).json();
		assertThat(letter.path("addressee").asString()).isEqualTo("平顶山市卫东区应急管理局");
		assertThat(letter.path("body").asString()).contains("请于", "前受理本函", "法律依据");
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/documents/" + letterId).status())
			.as("a third bureau may not read the letter").isEqualTo(404);

		JsonNode accepted = act(weidong, id, "accept", "{}");
		assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
		Reply evidence = weidong.upload("/api/v1/assistance-requests/" + id + "/attachments", "询问笔录.pdf",
				"application/pdf", "%PDF-1.4 询问笔录".getBytes());
		assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
		assertThat(evidence.json().path("purpose").asString()).isEqualTo("EVIDENCE");
		String sm3 = evidence.json().path("sm3").asString();
		assertThat(sm3).hasSize(64);

		act(weidong, id, "answer", "{\"text\": \"经核查，该企业在卫东区的经营场所于2026年3月停业。\"}");
		JsonNode supplement = act(xinhua, id, "request-supplement", "{\"text\": \"请补充停业的证明材料。\"}");
		assertThat(supplement.path("state").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
		act(weidong, id, "answer", "{\"text\": \"已补充市场监管部门出具的停业证明。\"}");
		JsonNode confirmed = act(xinhua, id, "confirm", "{}");
		assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.path("answer").asString()).isEqualTo("已补充市场监管部门出具的停业证明。");
		assertThat(confirmed.path("actions").size()).as("nothing left to do").isZero();
		assertThat(confirmed.path("attachments").findValuesAsString("sm3"))
			.as("the view reads the attachments the request counts (issue 18)").containsExactly(sm3);
		assertThat(confirmed.path("history").findValuesAsString("action")).containsSubsequence("DRAFTED", "SEND",
				"ACCEPT", "ATTACHED", "ANSWER", "REQUEST_SUPPLEMENT", "ANSWER", "CONFIRM");

		// the requester downloads the evidence and checks it against the digest taken on upload
		Reply download = xinhua.get("/api/v1/assistance-requests/" + id + "/attachments/"
				+ evidence.json().path("id").asLong());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("X-Content-SM3")).isEqualTo(sm3);
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/assistance-requests/" + id
				+ "/attachments/" + evidence.json().path("id").asLong()).status()).isEqualTo(404);
		assertThat(Api.at(port).as("city.leader", PASSWORD).get("/api/v1/assistance-requests/" + id).status())
			.as("the city bureau sees every request (R2.7)").isEqualTo(200);
		assertThat(xinhua.get("/api/v1/cases/" + kase.path("id").asLong()).json().path("timeline")
			.findValuesAsString("kind")).contains("ASSISTANCE_SEND", "PARTICIPANT_ADDED", "ASSISTANCE_CONFIRM");
		Audited.chained();
		assertThat(jdbc.sql("select action from audit_record where object_id = ?").param(sent.path("number").asString())
			.query(String.class).list()).contains("ASSISTANCE_SEND", "ASSISTANCE_ACCEPT", "ASSISTANCE_CONFIRM");
	}

	@Test
	void a_return_needs_a_reason_and_the_requester_revises_and_resends_or_withdraws() {
		long id = sentRequest("410404");
		Api shilong = Api.at(port).as("shilong.enforcer", PASSWORD);
		Reply bare = shilong.post("/api/v1/assistance-requests/" + id + "/return", "{\"text\": \"\"}");
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.problemCode()).isEqualTo("return-needs-reason");
		assertThat(state(id)).as("nothing changed").isEqualTo("SENT");

		JsonNode returned = act(shilong, id, "return",
				"{\"reason\": \"NOT_COMPETENT\", \"text\": \"该企业经营场所在湛河区，不属本局管辖。\"}");
		assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
		assertThat(returned.path("returnReason").asString()).isEqualTo("NOT_COMPETENT");
		assertThat(returned.path("letters").findValuesAsString("kindLabel")).containsExactly("协助调查函", "协查退回函");
		assertThat(returned.path("letters").get(1).path("number").asString()).startsWith("石龙应急退〔");

		Reply revised = xinhua.put("/api/v1/assistance-requests/" + id, """
				{"assistingAgencyCode": "410411", "matters": "请核实该企业在湛河区的经营场所情况。",
				 "legalBasis": "《中华人民共和国安全生产法》第六十五条", "answerBy": "%s", "version": %d}"""
			.formatted(LocalDate.now(BEIJING).plusDays(20), returned.path("version").asLong()));
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		JsonNode resent = act(xinhua, id, "send", "{}");
		assertThat(resent.path("assistingAgencyCode").asString()).isEqualTo("410411");
		assertThat(resent.path("number").asString()).as("a revised request goes out as a new letter")
			.isNotEqualTo(returned.path("number").asString());
		assertThat(resent.path("letters").findValuesAsString("kindLabel"))
			.as("sent again: the first letter, the notice of its return and the new letter")
			.containsExactly("协助调查函", "协查退回函", "协助调查函");
		assertThat(resent.path("letters").get(2).path("number").asString()).isEqualTo(resent.path("number").asString());
		JsonNode withdrawn = act(xinhua, id, "withdraw", "{\"text\": \"当事人已主动整改，不再需要协查。\"}");
		assertThat(withdrawn.path("state").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void the_wrong_agency_the_wrong_state_and_bad_input_are_refused_in_chinese_and_change_nothing() {
		long id = sentRequest("410403");
		Reply byRequester = xinhua.post("/api/v1/assistance-requests/" + id + "/accept", "{}");
		assertThat(byRequester.status()).isEqualTo(403);
		assertThat(byRequester.detail()).contains("只有协助单位");
		Reply early = weidong.post("/api/v1/assistance-requests/" + id + "/answer", "{\"text\": \"结果\"}");
		assertThat(early.status()).as("answering before accepting").isEqualTo(409);
		assertThat(early.detail()).isEqualTo("协查请求当前为“已发出，待受理”，不能答复");
		Reply liaison = Api.at(port).as("weidong.liaison", PASSWORD).post("/api/v1/assistance-requests/" + id
				+ "/accept", "{}");
		assertThat(liaison.status()).isEqualTo(403);
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/assistance-requests/" + id).status())
			.isEqualTo(404);
		assertThat(xinhua.post("/api/v1/assistance-requests/" + id + "/dance", "{}").status()).isEqualTo(404);
		assertThat(state(id)).isEqualTo("SENT");

		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		Reply past = xinhua.post("/api/v1/assistance-requests", body(caseId, "410403", LocalDate.now(BEIJING).minusDays(1)));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.detail()).contains("已过");
		Reply self = xinhua.post("/api/v1/assistance-requests", body(caseId, "410402", LocalDate.now(BEIJING).plusDays(9)));
		assertThat(self.problemCode()).isEqualTo("assist-self");
		Reply external = xinhua.post("/api/v1/assistance-requests", body(caseId, "410400.police",
				LocalDate.now(BEIJING).plusDays(9)));
		assertThat(external.problemCode()).isEqualTo("not-emergency-agency");
		Reply blank = xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410403", "matters": " ", "legalBasis": "", "answerBy": "%s"}"""
			.formatted(caseId, LocalDate.now(BEIJING).plusDays(9)));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.detail()).contains("请填写协查事项", "请填写法律依据");
		Reply notMine = Api.at(port).as("zhanhe.enforcer", PASSWORD).post("/api/v1/assistance-requests",
				body(caseId, "410403", LocalDate.now(BEIJING).plusDays(9)));
		assertThat(notMine.status()).as("a case the bureau cannot see").isEqualTo(404);
	}

	@Test
	void attachments_of_a_refused_type_or_size_are_refused() {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		long id = draft(caseId, "410403", LocalDate.now(BEIJING).plusDays(15)).path("id").asLong();
		Reply exe = xinhua.upload("/api/v1/assistance-requests/" + id + "/attachments", "工具.exe",
				"application/octet-stream", new byte[] { 1, 2, 3 });
		assertThat(exe.status()).isEqualTo(400);
		assertThat(exe.detail()).contains("不接受“exe”类型的文件");
		// issue 21: a .txt was taken where the label listed PDF, images, Office, OFD and ZIP; the label,
		// the file filter and the check now say the same
		String accepted = "PDF、OFD、文字文档、Excel 表格、图片、压缩包";
		Reply text = xinhua.upload("/api/v1/assistance-requests/" + id + "/attachments", "说明.txt", "text/plain",
				"现场说明".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.detail()).isEqualTo("不接受“txt”类型的文件；可上传：" + accepted
				+ "（扩展名 pdf、ofd、doc、docx、xls、xlsx、jpg、jpeg、png、zip）");
		PageSession pages = new PageSession(port);
		pages.signIn("xinhua.enforcer", PASSWORD);
		assertThat(pages.get("/assistance/" + id).html())
			.contains("上传请求材料（" + accepted + "，单个不超过 1 MB）")
			.contains("accept=\".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.zip\"");
		Reply big = xinhua.upload("/api/v1/assistance-requests/" + id + "/attachments", "现场照片.jpg", "image/jpeg",
				new byte[1_500_000]);
		assertThat(big.status()).isEqualTo(400);
		assertThat(big.detail()).contains("超过 1 MB");
		Reply material = xinhua.upload("/api/v1/assistance-requests/" + id + "/attachments", "现场检查记录.pdf",
				"application/pdf", "%PDF-1.4 现场检查记录".getBytes());
		assertThat(material.json().path("purpose").asString()).isEqualTo("REQUEST");
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("attachments").size()).isEqualTo(1);
	}

	@Test
	void of_two_people_accepting_at_once_one_wins_and_the_other_gets_409() throws Exception {
		long id = sentRequest("410403");
		long version = weidong.get("/api/v1/assistance-requests/" + id).json().path("version").asLong();
		Api second = Api.at(port).as(Fixtures.person(Api.at(port), "410403", "ENFORCER"), Fixtures.NEW_USER_PASSWORD);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Reply>> replies = new ArrayList<>();
		for (Api officer : List.of(weidong, second)) {
			Callable<Reply> accept = () -> {
				start.await();
				return officer.post("/api/v1/assistance-requests/" + id + "/accept", "{\"version\": %d}".formatted(version));
			};
			replies.add(pool.submit(accept));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Reply> reply : replies) {
			statuses.add(reply.get().status());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).json().path("history")
			.findValuesAsString("action").stream().filter("ACCEPT"::equals)).hasSize(1);
	}

	@Test
	void a_missed_acceptance_deadline_is_published_once_and_both_bureaus_are_told() {
		long id = sentRequest("410421");
		// the deadline passes: set it into the past, as the clock would
		jdbc.sql("update assistance_request set accept_due_at = ? where id = ?")
			.params(java.time.OffsetDateTime.now().minusHours(1), id)
			.update();
		JsonNode late = await().atMost(Duration.ofSeconds(15))
			.until(() -> xinhua.get("/api/v1/assistance-requests/" + id).json(),
					r -> r.path("history").findValuesAsString("action").contains("OVERDUE"));
		assertThat(late.path("acceptOverdue").asBoolean()).isTrue();
		Api baofeng = Api.at(port).as("baofeng.enforcer", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxTitles(baofeng).stream()
			.anyMatch(title -> title.startsWith("【逾期】" + late.path("number").asString())));
		assertThat(baofeng.get("/api/v1/assistance-requests?role=incoming&overdue=true&size=200").json().path("content")
			.findValuesAsString("id")).contains(Long.toString(id));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("history").findValuesAsString("action")
			.stream().filter("OVERDUE"::equals)).as("published exactly once").hasSize(1);
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'OBLIGATION_OVERDUE' and object_id = ?")
			.param(late.path("number").asString()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void deadlines_count_working_days_on_the_holiday_calendar() {
		Instant beforeNationalDay = LocalDate.of(2026, 9, 30).atTime(10, 0).atZone(BEIJING).toInstant();
		assertThat(calendar.endOfWorkingDays(beforeNationalDay, 2))
			.as("1-7 October are holidays; Thursday 8 and Friday 9 October are the two working days")
			.isEqualTo(LocalDate.of(2026, 10, 10).atStartOfDay(BEIJING).toInstant());
		Instant beforeSpringFestival = LocalDate.of(2026, 2, 13).atTime(16, 0).atZone(BEIJING).toInstant();
		assertThat(calendar.endOfWorkingDays(beforeSpringFestival, 2))
			.as("Saturday 14 February is an adjusted working day; 15-23 February are off; then Tuesday 24")
			.isEqualTo(LocalDate.of(2026, 2, 25).atStartOfDay(BEIJING).toInstant());
		JsonNode year = xinhua.get("/api/v1/calendar?year=2026").json();
		assertThat(year.findValuesAsString("name")).contains("春节", "国庆节调休上班");
	}

	long sentRequest(String assisting) {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		long id = draft(caseId, assisting, LocalDate.now(BEIJING).plusDays(30)).path("id").asLong();
		act(xinhua, id, "send", "{}");
		return id;
	}

	JsonNode draft(long caseId, String assisting, LocalDate answerBy) {
		Reply created = xinhua.post("/api/v1/assistance-requests", body(caseId, assisting, answerBy));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	static String body(long caseId, String assisting, LocalDate answerBy) {
		return """
				{"caseId": %d, "assistingAgencyCode": "%s",
				 "matters": "1. 核实该企业在贵辖区的经营场所及从业人员情况；2. 调取安全教育培训档案。",
				 "legalBasis": "《中华人民共和国安全生产法》第二十八条、《安全生产违法行为行政处罚办法》",
				 "answerBy": "%s"}""".formatted(caseId, assisting, answerBy);
	}

	JsonNode act(Api api, long id, String action, String body) {
		Reply reply = api.post("/api/v1/assistance-requests/" + id + "/" + action, body);
		assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	String state(long id) {
		return xinhua.get("/api/v1/assistance-requests/" + id).json().path("state").asString();
	}

	static List<String> inboxTitles(Api api) {
		return api.get("/api/v1/inbox?size=200").json().path("messages").path("content").findValuesAsString("title");
	}
}
