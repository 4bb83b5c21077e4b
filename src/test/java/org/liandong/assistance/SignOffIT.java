package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Issue 23 (N2, 拟稿 → 签发): where the system administrator says a bureau's 协助调查函 need its
 * leader's sign-off, the case officer's "send" submits the request to the leader; the letter gets
 * its number and the bureau's signature only at the sign-off, by the leader's act, with the leader as
 * 签发人; the leader may send it back with comments instead. The assisting bureau hears of nothing
 * until the sign-off, and the deadlines count from it. A database of its own, so the policy set here
 * stays out of the other tests.
 */
@LiandongIntegrationTest
class SignOffIT {

	/** A database of its own (a schema of its own on PostgreSQL), so that what is set here stays here. */
	private static final String DATABASE = TestDatabases.fresh();

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> DATABASE);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void a_letter_leaves_only_when_the_bureaus_leader_signs_it_off_and_may_be_sent_back_first() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply set = sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": true}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(sysadmin.get("/api/v1/sign-off-policies/410402").json().findValuesAsString("kind"))
			.containsExactly("ASSISTANCE_LETTER", "INCIDENT_BULLETIN", "OPERATION_SUMMARY");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SIGN_OFF_POLICY_CHANGED' and object_id = '410402'")
			.query(Long.class).single()).isPositive();

		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		String leaderName = Fixtures.person(Api.at(port), "410402", "LEADER");
		Api leader = Api.at(port).as(leaderName, Fixtures.NEW_USER_PASSWORD);
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		long id = draft.path("id").asLong();

		// the case officer sends: it waits for the leader, unnumbered, unseen by the assisting bureau
		JsonNode submitted = xinhua.post("/api/v1/assistance-requests/" + id + "/send",
				"{\"version\": %d}".formatted(draft.path("version").asLong())).json();
		assertThat(submitted.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		assertThat(submitted.path("number").isNull()).isTrue();
		assertThat(submitted.path("letters")).isEmpty();
		assertThat(submitted.path("signOff").path("submittedByName").asString()).contains("王志强");
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from official_document where source_type = 'assistance-request' and source_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).as("no letter before the sign-off").isZero();
		assertThat(openObligations(id, "410402")).containsExactly("签发协助调查函");

		// the leader reads the letter as it would leave, and is the only one to sign it off
		JsonNode waiting = leader.get("/api/v1/assistance-requests/" + id).json();
		assertThat(waiting.path("actions").toString()).contains("SIGN_OFF", "SEND_BACK").doesNotContain("WITHDRAW");
		JsonNode preview = waiting.path("signOff").path("draftLetter");
		assertThat(preview.path("title").asString()).contains("协助调查");
		assertThat(preview.path("body").asString()).contains("平顶山市卫东区应急管理局", "签发人：测试人员", "联系人：王志强");
		Reply byOfficer = xinhua.post("/api/v1/assistance-requests/" + id + "/sign-off",
				"{\"version\": %d}".formatted(submitted.path("version").asLong()));
		assertThat(byOfficer.status()).isEqualTo(403);
		String otherLeader = Fixtures.person(Api.at(port), "410403", "LEADER");
		Reply byOtherBureau = Api.at(port).as(otherLeader, Fixtures.NEW_USER_PASSWORD)
			.post("/api/v1/assistance-requests/" + id + "/sign-off", "{\"version\": %d}".formatted(submitted.path("version").asLong()));
		assertThat(byOtherBureau.status()).as("another bureau's leader does not see the request").isEqualTo(404);

		// sent back with comments: a draft again, revised and sent once more
		Reply bare = leader.post("/api/v1/assistance-requests/" + id + "/send-back",
				"{\"version\": %d}".formatted(submitted.path("version").asLong()));
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.detail()).contains("修改意见");
		JsonNode back = leader.post("/api/v1/assistance-requests/" + id + "/send-back",
				"{\"version\": %d, \"text\": \"协查事项请写明需核实的具体期间。\"}".formatted(submitted.path("version").asLong())).json();
		assertThat(back.path("state").asString()).isEqualTo("DRAFT");
		assertThat(back.path("signOff").path("sentBackText").asString()).isEqualTo("协查事项请写明需核实的具体期间。");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(xinhua).stream()
			.anyMatch(title -> title.startsWith("【退回修改】")));
		JsonNode again = xinhua.post("/api/v1/assistance-requests/" + id + "/send",
				"{\"version\": %d}".formatted(back.path("version").asLong())).json();
		assertThat(again.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");

		// signed off: numbered and signed now, the leader named, the deadlines from now, the assisting bureau told
		Instant before = Instant.now();
		Reply signed = leader.post("/api/v1/assistance-requests/" + id + "/sign-off",
				"{\"version\": %d}".formatted(again.path("version").asLong()));
		Instant after = Instant.now();
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		JsonNode sent = signed.json();
		assertThat(sent.path("state").asString()).isEqualTo("SENT");
		assertThat(sent.path("number").asString()).matches("新华应急协〔\\d{4}〕\\d+号");
		assertThat(sent.path("signOff").path("signedOffByName").asString()).contains("测试人员");
		assertThat(Instant.parse(sent.path("acceptDueAt").asString()))
			.isIn(calendar.endOfWorkingDays(before, 2), calendar.endOfWorkingDays(after, 2));
		assertThat(sent.path("letters")).as("the sign-off's answer shows the letter as a reading of the request does")
			.isEqualTo(xinhua.get("/api/v1/assistance-requests/" + id).json().path("letters"));
		JsonNode letter = xinhua.get("/api/v1/documents/" + sent.path("letters").get(0).path("documentId").asLong()).json();
		assertThat(letter.path("body").asString()).contains("签发人：测试人员", "联系人：王志强");
		assertThat(letter.path("signature").path("signature").asString()).isNotBlank();
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(weidong).stream()
			.anyMatch(title -> title.contains(sent.path("number").asString())));
		assertThat(openObligations(id, "410402")).isEmpty();
		assertThat(openObligations(id, "410403")).containsExactly("受理或退回协查请求");
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("history").findValuesAsString("action"))
			.containsSubsequence("SUBMIT", "SEND_BACK", "SUBMIT", "SIGN_OFF");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ASSISTANCE_SIGN_OFF' and object_id = ?")
			.param(sent.path("number").asString()).query(Long.class).single()).isEqualTo(1);
		// every step in the case's timeline and the audit trail too
		assertThat(xinhua.get("/api/v1/cases/" + draft.path("caseId").asLong()).json().path("timeline")
			.findValuesAsString("kind")).contains("ASSISTANCE_SUBMIT", "ASSISTANCE_SEND_BACK", "ASSISTANCE_SIGN_OFF");
		Audited.chained();
		assertThat(jdbc.sql("select action from audit_record where action in ('ASSISTANCE_SUBMIT', 'ASSISTANCE_SEND_BACK')")
			.query(String.class).list()).contains("ASSISTANCE_SUBMIT", "ASSISTANCE_SEND_BACK");

		// the pages: the officer's button says where the letter goes; the leader signs off after a confirmation
		JsonNode another = Fixtures.draftRequest(xinhua, "410403");
		PageSession officerPages = new PageSession(port);
		officerPages.signIn("xinhua.enforcer", PASSWORD);
		assertThat(officerPages.get("/assistance/" + another.path("id").asLong()).html()).contains("送领导签发", "确定送签？");
		officerPages.post("/assistance/" + another.path("id").asLong() + "/send",
				Map.of("version", another.path("version").asString()));
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn(leaderName, Fixtures.NEW_USER_PASSWORD);
		String page = leaderPages.get("/assistance/" + another.path("id").asLong()).html();
		assertThat(page).contains("id=\"draft-letter\"", "id=\"sign-off-form\"", "确定签发？", "id=\"send-back-form\"", "待签发");

		// no policy, no sign-off: another bureau's officer sends at once (as every other test does)
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": false}")
			.status()).isEqualTo(200);
		JsonNode plain = Fixtures.draftRequest(xinhua, "410403");
		assertThat(xinhua.post("/api/v1/assistance-requests/" + plain.path("id").asLong() + "/send",
				"{\"version\": %d}".formatted(plain.path("version").asLong())).json().path("state").asString())
			.isEqualTo("SENT");
	}

	/**
	 * 拟稿 → 审核 → 签发 (issue 23, N2): where the bureau asks for a review, the officer's sending goes
	 * to its legal officer first, who may send it back or agree; only then does the leader sign it off.
	 * Each approver acts only at their own step.
	 */
	@Test
	void where_the_bureau_asks_for_a_review_its_legal_officer_agrees_before_the_leader_signs_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply reviewWithoutSignOff = sysadmin.put("/api/v1/sign-off-policies/410402",
				"{\"kind\": \"ASSISTANCE_LETTER\", \"required\": false, \"review\": true}");
		assertThat(reviewWithoutSignOff.status()).isEqualTo(400);
		assertThat(reviewWithoutSignOff.detail()).contains("签发前");
		JsonNode policy = sysadmin.put("/api/v1/sign-off-policies/410402",
				"{\"kind\": \"ASSISTANCE_LETTER\", \"required\": true, \"review\": true}").json();
		assertThat(policy.path("approval").asString()).isEqualTo("REVIEW_AND_SIGN_OFF");
		assertThat(policy.path("review").asBoolean()).isTrue();
		Audited.chained();
		assertThat(jdbc.sql("select detail from audit_record where action = 'SIGN_OFF_POLICY_CHANGED' and object_id = '410402'")
			.query(String.class).list()).anyMatch(detail -> detail.contains("法制审核"));

		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		String reviewerName = Fixtures.person(Api.at(port), "410402", "LEGAL_OFFICER");
		Api reviewer = Api.at(port).as(reviewerName, Fixtures.NEW_USER_PASSWORD);
		Api leader = Api.at(port).as(Fixtures.person(Api.at(port), "410402", "LEADER"), Fixtures.NEW_USER_PASSWORD);
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		long id = draft.path("id").asLong();
		String path = "/api/v1/assistance-requests/" + id;

		// the officer's sending waits for the legal officer: unnumbered, unseen by the assisting bureau
		JsonNode submitted = xinhua.post(path + "/send", version(draft)).json();
		assertThat(submitted.path("state").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(submitted.path("number").isNull()).isTrue();
		assertThat(weidong.get(path).status()).isEqualTo(404);
		assertThat(openObligations(id, "410402")).containsExactly("审核协助调查函");
		JsonNode toReview = reviewer.get(path).json();
		assertThat(toReview.path("actions").toString()).contains("REVIEW", "SEND_BACK").doesNotContain("SIGN_OFF");
		assertThat(toReview.path("signOff").path("draftLetter").path("body").asString()).contains("平顶山市卫东区应急管理局");
		assertThat(leader.get(path).json().path("actions").toString()).doesNotContain("SIGN_OFF", "SEND_BACK");
		assertThat(leader.post(path + "/sign-off", version(submitted)).status()).as("not before the review").isEqualTo(409);
		assertThat(leader.post(path + "/send-back", "{\"version\": %d, \"text\": \"改。\"}"
			.formatted(submitted.path("version").asLong())).status()).as("the review is the legal officer's").isEqualTo(403);
		assertThat(xinhua.post(path + "/review", version(submitted)).status()).isEqualTo(403);

		// sent back by the reviewer, revised and sent again: to the review again
		JsonNode back = reviewer.post(path + "/send-back", "{\"version\": %d, \"text\": \"法律依据请写明具体条款。\"}"
			.formatted(submitted.path("version").asLong())).json();
		assertThat(back.path("state").asString()).isEqualTo("DRAFT");
		assertThat(back.path("signOff").path("sentBackText").asString()).isEqualTo("法律依据请写明具体条款。");
		assertThat(openObligations(id, "410402")).isEmpty();
		JsonNode again = xinhua.post(path + "/send", version(back)).json();
		assertThat(again.path("state").asString()).isEqualTo("AWAITING_REVIEW");

		// agreed: to the leader, who alone signs it off
		JsonNode reviewed = reviewer.post(path + "/review", version(again)).json();
		assertThat(reviewed.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		assertThat(reviewed.path("signOff").path("reviewedByName").asString()).contains("测试人员");
		assertThat(reviewed.path("number").isNull()).isTrue();
		assertThat(openObligations(id, "410402")).containsExactly("签发协助调查函");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(leader).stream()
			.anyMatch(title -> title.startsWith("【待签发】")));
		assertThat(reviewer.post(path + "/sign-off", version(reviewed)).status()).isEqualTo(403);
		JsonNode sent = leader.post(path + "/sign-off", version(reviewed)).json();
		assertThat(sent.path("state").asString()).isEqualTo("SENT");
		assertThat(sent.path("number").asString()).matches("新华应急协〔\\d{4}〕\\d+号");
		assertThat(sent.path("signOff").path("reviewedByName").asString()).contains("测试人员");
		assertThat(xinhua.get(path).json().path("history").findValuesAsString("action"))
			.containsSubsequence("SUBMIT_FOR_REVIEW", "SEND_BACK", "SUBMIT_FOR_REVIEW", "REVIEW", "SIGN_OFF");
		Audited.chained();
		assertThat(jdbc.sql("select action from audit_record where action in ('ASSISTANCE_SUBMIT_FOR_REVIEW', 'ASSISTANCE_REVIEW')")
			.query(String.class).list()).contains("ASSISTANCE_SUBMIT_FOR_REVIEW", "ASSISTANCE_REVIEW");

		// the pages: the officer's button says the letter goes to the review; the reviewer agrees after a confirmation
		JsonNode another = Fixtures.draftRequest(xinhua, "410403");
		PageSession officerPages = new PageSession(port);
		officerPages.signIn("xinhua.enforcer", PASSWORD);
		assertThat(officerPages.get("/assistance/" + another.path("id").asLong()).html()).contains("送法制审核", "确定送审核？");
		officerPages.post("/assistance/" + another.path("id").asLong() + "/send",
				Map.of("version", another.path("version").asString()));
		PageSession reviewerPages = new PageSession(port);
		reviewerPages.signIn(reviewerName, Fixtures.NEW_USER_PASSWORD);
		String page = reviewerPages.get("/assistance/" + another.path("id").asLong()).html();
		assertThat(page).contains("id=\"draft-letter\"", "id=\"review-form\"", "确定审核同意？", "id=\"send-back-form\"", "待审核")
			.doesNotContain("id=\"sign-off-form\"");
		reviewerPages.post("/assistance/" + another.path("id").asLong() + "/review", Map.of("version",
				reviewer.get("/api/v1/assistance-requests/" + another.path("id").asLong()).json().path("version").asString()));
		assertThat(xinhua.get("/api/v1/assistance-requests/" + another.path("id").asLong()).json().path("state").asString())
			.isEqualTo("AWAITING_SIGN_OFF");

		assertThat(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	/**
	 * 先发后签 (issue 23): where a bureau's bulletins need its leader's sign-off, an urgent bulletin reaches
	 * every bureau at once and is acknowledged as ever; its 突发事件快报 is numbered and sealed only when
	 * the leader signs it off afterwards, a to-do of the bureau until then. A leader's own bulletin is its sign-off.
	 */
	@Test
	void an_urgent_bulletin_goes_first_and_the_bureaus_leader_signs_it_off_afterwards() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply reviewed = sysadmin.put("/api/v1/sign-off-policies/410402",
				"{\"kind\": \"INCIDENT_BULLETIN\", \"required\": true, \"review\": true}");
		assertThat(reviewed.status()).isEqualTo(400);
		assertThat(reviewed.detail()).contains("先发后签");
		JsonNode policy = sysadmin.put("/api/v1/sign-off-policies/410402",
				"{\"kind\": \"INCIDENT_BULLETIN\", \"required\": true}").json();
		assertThat(policy.path("approvalLabel").asString()).isEqualTo("先发后签（局领导补签发）");

		Api liaison = Api.at(port).as("xinhua.liaison", PASSWORD);
		String leaderName = Fixtures.person(Api.at(port), "410402", "LEADER");
		Api leader = Api.at(port).as(leaderName, Fixtures.NEW_USER_PASSWORD);
		Reply sentReply = liaison.post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏（先发后签）\", \"body\": \"今日 10 时许发生少量泄漏，请各地排查同类企业。\"}");
		assertThat(sentReply.status()).as(sentReply.body()).isEqualTo(201);
		JsonNode sent = sentReply.json();
		long id = sent.path("id").asLong();
		String path = "/api/v1/bulletins/" + id;
		assertThat(sent.path("signOffPending").asBoolean()).isTrue();
		assertThat(sent.path("documentNumber").isNull()).isTrue();

		// it reached the other bureaus at once, to be acknowledged as ever; no document yet
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		assertThat(weidong.post(path + "/acknowledgement", "").status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from official_document where source_type = 'bulletin' and source_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).isZero();
		assertThat(obligations("bulletin", id, "410402")).containsExactly("补签发快报");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(leader).stream()
			.anyMatch(title -> title.startsWith("【待补签】")));

		// only a leader of the sending bureau signs it off, once
		assertThat(liaison.post(path + "/sign-off", "").status()).isEqualTo(403);
		String otherLeader = Fixtures.person(Api.at(port), "410403", "LEADER");
		assertThat(Api.at(port).as(otherLeader, Fixtures.NEW_USER_PASSWORD).post(path + "/sign-off", "").status())
			.as("a recipient's leader reads it but does not sign it off").isEqualTo(403);
		Reply signedReply = leader.post(path + "/sign-off", "");
		assertThat(signedReply.status()).as(signedReply.body()).isEqualTo(200);
		JsonNode signed = signedReply.json();
		assertThat(signed.path("signOffPending").asBoolean()).isFalse();
		assertThat(signed.path("documentNumber").asString()).matches("新华应急快〔\\d{4}〕\\d+号");
		assertThat(signed.path("signedOffByName").asString()).contains("测试人员");
		JsonNode document = weidong.get("/api/v1/documents/" + signed.path("documentId").asLong()).json();
		assertThat(document.path("body").asString()).contains("签发人：测试人员");
		assertThat(document.path("signature").path("signature").asString()).isNotBlank();
		assertThat(leader.post(path + "/sign-off", "").status()).isEqualTo(409);
		assertThat(obligations("bulletin", id, "410402")).isEmpty();
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SHARING_BULLETIN_SIGNED_OFF'")
			.query(Long.class).single()).isEqualTo(1);

		// the leader's own bulletin is signed off by sending it
		JsonNode own = leader.post("/api/v1/bulletins", "{\"title\": \"局领导发出的快报\", \"body\": \"请各地立即排查。\"}").json();
		assertThat(own.path("signOffPending").asBoolean()).isFalse();
		assertThat(own.path("documentNumber").asString()).startsWith("新华应急快");
		assertThat(own.path("signedOffByName").asString()).contains("测试人员");

		// the page: the pending notice, and the leader's button behind a confirmation
		long another = liaison.post("/api/v1/bulletins", "{\"title\": \"又一份快报\", \"body\": \"请排查。\"}").json()
			.path("id").asLong();
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn(leaderName, Fixtures.NEW_USER_PASSWORD);
		assertThat(leaderPages.get("/bulletins/" + another).html()).contains("id=\"bulletin-sign-off-pending\"",
				"id=\"bulletin-sign-off-form\"", "确定补签发？");
		leaderPages.post("/bulletins/" + another + "/sign-off", Map.of());
		assertThat(liaison.get("/api/v1/bulletins/" + another).json().path("documentNumber").asString())
			.startsWith("新华应急快");

		assertThat(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"INCIDENT_BULLETIN\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	private java.util.List<String> obligations(String subjectType, long subjectId, String owner) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = ? and subject_id = ? and owner_agency = ?
				and state = 'OPEN'""")
			.params(subjectType, subjectId, owner).query(String.class).list();
	}

	private static String version(JsonNode request) {
		return "{\"version\": %d}".formatted(request.path("version").asLong());
	}

	@Test
	void only_the_system_administrator_sets_a_policy_and_only_for_kinds_that_can_wait() {
		Reply byLeader = Api.at(port).as("city.leader", PASSWORD).put("/api/v1/sign-off-policies/410402",
				"{\"kind\": \"ASSISTANCE_LETTER\", \"required\": true}");
		assertThat(byLeader.status()).isEqualTo(403);
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply notSignable = sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"CASE_NOTIFICATION\", \"required\": true}");
		assertThat(notSignable.status()).isEqualTo(400);
		assertThat(notSignable.detail()).contains("签发只适用于", "协助调查函");
		assertThat(sysadmin.put("/api/v1/sign-off-policies/999999", "{\"kind\": \"ASSISTANCE_LETTER\", \"required\": true}")
			.status()).isEqualTo(404);
		PageSession admin = new PageSession(port);
		admin.signIn("sysadmin", PASSWORD);
		String page = admin.get("/admin/sign-off-policies").html();
		assertThat(page).contains("公文签发设置", "平顶山市新华区应急管理局", "协助调查函审批方式", "法制审核后局领导签发",
				"重大案件指定管辖通知审批方式", "督办通知审批方式", "id=\"approval-410400-DESIGNATION_NOTICE\"");
		assertThat(page).as("a county bureau issues no designation notice").doesNotContain("approval-410402-DESIGNATION_NOTICE");
	}

	/**
	 * Issue 23 for the city's designation notices (R2.5): where the city bureau asks for its leader's
	 * sign-off, the legal office's designation waits unissued and unseen by the designated bureaus; the
	 * leader reads the notice as it would be issued, sends it back with comments or signs it off, and only
	 * then is it numbered, sealed with the leader as 签发人, and the designation in force. The city's
	 * obligation to designate stays open until then.
	 */
	@Test
	void a_designation_is_in_force_only_when_the_city_leader_signs_its_notice_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply county = sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"DESIGNATION_NOTICE\", \"required\": true}");
		assertThat(county.status()).as("a county bureau issues no designation notices").isEqualTo(400);
		assertThat(county.detail()).contains("由市应急管理局发出");
		Reply reviewed = sysadmin.put("/api/v1/sign-off-policies/410400",
				"{\"kind\": \"DESIGNATION_NOTICE\", \"required\": true, \"review\": true}");
		assertThat(reviewed.status()).as("a review is offered for 协助调查函 only, not skipped for others").isEqualTo(400);
		assertThat(reviewed.detail()).contains("不设法制审核");
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DESIGNATION_NOTICE\", \"required\": true}")
			.status()).isEqualTo(200);
		assertThat(sysadmin.get("/api/v1/sign-off-policies/410400").json().findValuesAsString("kind"))
			.contains("DESIGNATION_NOTICE");

		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		Api leader = Api.at(port).as("city.leader", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long caseId = kase.path("id").asLong();
		long id = xinhua.post("/api/v1/cases/" + caseId + "/major-report",
				"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，社会影响较大。\"}").json().path("id").asLong();

		// the legal office designates: it waits for the leader, nothing issued, the designees told nothing
		JsonNode waiting = legal.post("/api/v1/major-reports/" + id + "/designation",
				MajorCasesAndDispatchIT.designation("410403", "LEAD")).json();
		assertThat(waiting.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		assertThat(waiting.path("designation").isNull()).isTrue();
		assertThat(jdbc.sql("select count(*) from official_document where source_type = 'major-report' and source_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).as("no notice before the sign-off").isZero();
		assertThat(weidong.get("/api/v1/major-reports/" + id).status()).isEqualTo(404);
		assertThat(weidong.get("/api/v1/cases/" + caseId).status()).as("not yet the host").isEqualTo(404);
		assertThat(xinhua.get("/api/v1/major-reports/" + id).json().path("signOff").isNull())
			.as("the draft is the city's own").isTrue();
		assertThat(openMajorObligations(id)).containsExactlyInAnyOrder("指定管辖", "签发指定管辖通知");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(leader).stream()
			.anyMatch(title -> title.equals("【待签发】指定管辖通知（案件 %s）".formatted(kase.path("number").asString()))));

		// the leader reads the notice as it would be issued; only the leader acts on it
		JsonNode read = leader.get("/api/v1/major-reports/" + id).json();
		assertThat(read.path("signOff").path("draftedByName").asString()).contains("李法明");
		assertThat(read.path("signOff").path("draftNotice").path("title").asString())
			.isEqualTo("关于指定" + kase.path("number").asString() + "管辖的通知");
		assertThat(read.path("signOff").path("draftNotice").path("body").asString()).contains("平顶山市卫东区应急管理局（主办）");
		long version = read.path("version").asLong();
		assertThat(legal.post("/api/v1/major-reports/" + id + "/sign-off", "{}").status()).isEqualTo(403);
		assertThat(legal.post("/api/v1/major-reports/" + id + "/designation",
				MajorCasesAndDispatchIT.designation("410403", "LEAD")).status()).as("decided, waiting").isEqualTo(409);

		// sent back with comments: pending again, the legal office told, the designation owed still
		Reply bare = leader.post("/api/v1/major-reports/" + id + "/send-back", "{\"version\": %d}".formatted(version));
		assertThat(bare.status()).isEqualTo(400);
		assertThat(bare.detail()).contains("退回意见");
		JsonNode back = leader.post("/api/v1/major-reports/" + id + "/send-back",
				"{\"version\": %d, \"text\": \"协办单位的任务请写明材料清单。\"}".formatted(version)).json();
		assertThat(back.path("state").asString()).isEqualTo("PENDING");
		assertThat(back.path("signOff").path("sentBackText").asString()).contains("吴建国", "协办单位的任务请写明材料清单。");
		assertThat(openMajorObligations(id)).containsExactly("指定管辖");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(legal).stream()
			.anyMatch(title -> title.startsWith("【退回】指定管辖通知")));
		assertThat(leader.post("/api/v1/major-reports/" + id + "/sign-off", "{}").status())
			.as("nothing to sign off once sent back").isEqualTo(409);

		// designated again and signed off: numbered and sealed now, the leader its 签发人, in force
		JsonNode again = legal.post("/api/v1/major-reports/" + id + "/designation",
				MajorCasesAndDispatchIT.designation("410403", "LEAD")).json();
		assertThat(again.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		Reply stale = leader.post("/api/v1/major-reports/" + id + "/sign-off", "{\"version\": %d}".formatted(version));
		assertThat(stale.status()).as("signed off at the version read").isEqualTo(409);
		Reply signed = leader.post("/api/v1/major-reports/" + id + "/sign-off",
				"{\"version\": %d}".formatted(again.path("version").asLong()));
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		JsonNode designation = signed.json().path("designation");
		assertThat(signed.json().path("state").asString()).isEqualTo("DESIGNATED");
		assertThat(designation.path("number").asString()).matches("平应急指〔\\d{4}〕\\d+号");
		assertThat(designation.path("designatedByName").asString()).contains("李法明");
		assertThat(designation.path("signedOffByName").asString()).contains("吴建国");
		JsonNode notice = weidong.get("/api/v1/documents/" + designation.path("documentId").asLong()).json();
		assertThat(notice.path("body").asString()).contains("签发人：吴建国");
		assertThat(notice.path("signature").path("signature").asString()).isNotBlank();
		assertThat(weidong.get("/api/v1/cases/" + caseId).json().path("hostAgencyCode").asString()).isEqualTo("410403");
		assertThat(openMajorObligations(id)).isEmpty();
		assertThat(jdbc.sql("""
				select obligation from obligation where subject_type = 'designation' and subject_id = ? and state = 'OPEN'""")
			.param(id).query(String.class).list()).hasSize(2);
		Audited.chained();
		assertThat(jdbc.sql("select action from audit_record where object_id = ? and action like 'MAJOR_CASE_%' order by seq")
			.param(kase.path("number").asString()).query(String.class).list())
			.containsSubsequence("MAJOR_CASE_SUBMITTED", "MAJOR_CASE_SENT_BACK", "MAJOR_CASE_SUBMITTED", "MAJOR_CASE_DESIGNATED");

		// the pages: the legal officer's button says where it goes; the leader signs off after a confirmation
		long other = xinhua.post("/api/v1/cases/" + Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong()
				+ "/major-report", "{\"facts\": \"涉及两个县区。\"}").json().path("id").asLong();
		PageSession legalPages = new PageSession(port);
		legalPages.signIn("city.legal", PASSWORD);
		assertThat(legalPages.get("/major-reports/" + other).html()).contains("指定管辖，送领导签发");
		legal.post("/api/v1/major-reports/" + other + "/designation", MajorCasesAndDispatchIT.designation("410403", "LEAD"));
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn("city.leader", PASSWORD);
		assertThat(leaderPages.get("/major-reports/" + other).html())
			.contains("id=\"draft-notice\"", "id=\"sign-off-form\"", "确定签发？", "id=\"send-back-form\"", "待签发");
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DESIGNATION_NOTICE\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	/**
	 * Issue 23 for the city's dispatch notices (R2.7): where the city bureau asks for its leader's
	 * sign-off, a dispatch the detachment drafts is not sent until the leader signs it off; sent back, it is
	 * never sent; a leader's own dispatch is signed off by issuing it.
	 */
	@Test
	void a_dispatch_the_detachment_drafts_is_sent_only_when_the_city_leader_signs_it_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DISPATCH_NOTICE\", \"required\": true}")
			.status()).isEqualTo(200);
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api detachment = Api.at(port).as("city.detachment", PASSWORD);
		Api leader = Api.at(port).as("city.leader", PASSWORD);
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		String dispatch = """
				{"caseId": %d, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
				 "dueOn": "%s"}""".formatted(kase.path("id").asLong(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7));

		// drafted by the detachment: waiting, unnumbered, unseen by the bureau, the leader asked
		JsonNode waiting = detachment.post("/api/v1/dispatches", dispatch).json();
		long id = waiting.path("id").asLong();
		assertThat(waiting.path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");
		assertThat(waiting.path("number").asString()).isEmpty();
		assertThat(xinhua.get("/api/v1/dispatches/" + id).status()).isEqualTo(404);
		assertThat(xinhua.get("/api/v1/dispatches?size=200").json().path("content").findValuesAsString("id"))
			.doesNotContain(Long.toString(id));
		assertThat(openDispatchObligations(id)).containsExactly("签发督办通知");
		JsonNode read = leader.get("/api/v1/dispatches/" + id).json();
		assertThat(read.path("draftNotice").path("title").asString()).isEqualTo("关于督办" + kase.path("number").asString() + "的通知");
		assertThat(detachment.post("/api/v1/dispatches/" + id + "/sign-off", "{}").status()).isEqualTo(403);

		// signed off: numbered and sealed now, the leader its 签发人, the bureau told and owing its report
		Reply signed = leader.post("/api/v1/dispatches/" + id + "/sign-off",
				"{\"version\": %d}".formatted(read.path("version").asLong()));
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		assertThat(signed.json().path("state").asString()).isEqualTo("SENT");
		assertThat(signed.json().path("number").asString()).matches("平应急督〔\\d{4}〕\\d+号");
		assertThat(signed.json().path("signedOffByName").asString()).contains("吴建国");
		assertThat(xinhua.get("/api/v1/documents/" + signed.json().path("documentId").asLong()).json().path("body")
			.asString()).contains("签发人：吴建国");
		assertThat(xinhua.get("/api/v1/dispatches/" + id).status()).isEqualTo(200);
		assertThat(openDispatchObligations(id)).isEmpty();
		assertThat(jdbc.sql("""
				select obligation from obligation where subject_type = 'dispatch' and subject_id = ? and state = 'OPEN'
				and owner_agency = '410402'""").param(id).query(String.class).list()).containsExactly("办理督办事项");
		assertThat(leader.post("/api/v1/dispatches/" + id + "/sign-off", "{}").status()).isEqualTo(409);

		// sent back: never sent, the detachment told with the comments
		long other = detachment.post("/api/v1/dispatches", dispatch).json().path("id").asLong();
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn("city.leader", PASSWORD);
		assertThat(leaderPages.get("/dispatches/" + other).html())
			.contains("id=\"draft-notice\"", "id=\"sign-off-form\"", "确定签发？", "id=\"send-back-form\"");
		assertThat(leader.post("/api/v1/dispatches/" + other + "/send-back", "{}").status()).isEqualTo(400);
		JsonNode back = leader.post("/api/v1/dispatches/" + other + "/send-back",
				"{\"text\": \"该企业已在专项检查中，督办事项请与县局先行沟通。\"}").json();
		assertThat(back.path("state").asString()).isEqualTo("SENT_BACK");
		assertThat(back.path("sentBackText").asString()).contains("吴建国", "请与县局先行沟通");
		assertThat(xinhua.get("/api/v1/dispatches/" + other).status()).isEqualTo(404);
		assertThat(openDispatchObligations(other)).isEmpty();
		assertThat(jdbc.sql("select count(*) from official_document where source_type = 'dispatch' and source_id = ?")
			.param(Long.toString(other)).query(Long.class).single()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(detachment).stream()
			.anyMatch(title -> title.startsWith("【退回】督办通知")));

		// a draft whose deadline passed while it waited is not signed off with a deadline in the past
		long late = detachment.post("/api/v1/dispatches", dispatch).json().path("id").asLong();
		jdbc.sql("update dispatch set due_at = ? where id = ?")
			.params(java.time.OffsetDateTime.now().minusDays(2), late).update();
		Reply pastDue = leader.post("/api/v1/dispatches/" + late + "/sign-off", "{}");
		assertThat(pastDue.status()).isEqualTo(409);
		assertThat(pastDue.detail()).contains("已过", "请退回");
		assertThat(leader.get("/api/v1/dispatches/" + late).json().path("state").asString()).isEqualTo("AWAITING_SIGN_OFF");

		// a leader's own dispatch: signed off by issuing it
		JsonNode own = leader.post("/api/v1/dispatches", dispatch).json();
		assertThat(own.path("state").asString()).isEqualTo("SENT");
		assertThat(own.path("signedOffByName").asString()).contains("吴建国");
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"DISPATCH_NOTICE\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	private java.util.List<String> openDispatchObligations(long dispatchId) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'dispatch' and subject_id = ?
				and owner_agency = '410400' and state = 'OPEN'""")
			.param(dispatchId).query(String.class).list();
	}

	/**
	 * Issue 23 for the year-end evaluation report (R8.2): where the city bureau asks for its leader's
	 * sign-off, the detachment's issuing submits the report, which stays unnumbered until a leader of the
	 * city bureau issues it (numbered and sealed by that act, naming the 签发人) or sends it back.
	 */
	@Test
	void the_evaluation_report_the_detachment_issues_waits_for_the_city_leaders_sign_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"EVALUATION_REPORT\", \"required\": true}")
			.status()).isEqualTo(200);
		Api detachment = Api.at(port).as("city.detachment", PASSWORD);
		Api leader = Api.at(port).as("city.leader", PASSWORD);
		Api county = Api.at(port).as("weidong.enforcer", PASSWORD);
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
		String report = "/api/v1/evaluations/" + year + "/report";

		// the detachment issues: submitted, nothing numbered, the city owes the sign-off
		JsonNode submitted = detachment.post(report, "{}").json();
		assertThat(submitted.path("reportDocumentId").isNull()).isTrue();
		assertThat(submitted.path("reportSignOff").path("awaiting").asBoolean()).isTrue();
		assertThat(evaluationReports(year)).isZero();
		assertThat(openEvaluationObligations(year)).containsExactly("签发年度考评结果通报");
		assertThat(detachment.post(report, "{}").status()).as("submitted once").isEqualTo(409);
		assertThat(county.get("/api/v1/evaluations/" + year).json().path("reportSignOff").isNull())
			.as("the draft is the city's own").isTrue();
		JsonNode read = leader.get("/api/v1/evaluations/" + year).json().path("reportSignOff");
		assertThat(read.path("draft").path("title").asString()).isEqualTo("关于" + year + "年度跨区域执法联动工作考评结果的通报");

		// sent back with comments: not issued; submitted again
		assertThat(leader.post(report + "/send-back", "{}").status()).isEqualTo(400);
		assertThat(detachment.post(report + "/send-back", "{\"text\": \"请核对扣分。\"}").status()).isEqualTo(403);
		JsonNode back = leader.post(report + "/send-back", "{\"text\": \"请核对问责扣分后再送签。\"}").json();
		assertThat(back.path("reportSignOff").path("awaiting").asBoolean()).isFalse();
		assertThat(back.path("reportSignOff").path("sentBackText").asString()).contains("吴建国", "请核对问责扣分后再送签。");
		assertThat(openEvaluationObligations(year)).isEmpty();
		assertThat(evaluationReports(year)).isZero();
		assertThat(detachment.post(report, "{}").json().path("reportSignOff").path("awaiting").asBoolean()).isTrue();
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn("city.leader", PASSWORD);
		assertThat(leaderPages.get("/oversight/evaluations?year=" + year).html())
			.contains("id=\"draft-report\"", "签发考评结果通报", "确定签发？", "id=\"report-send-back-form\"");

		// the leader's issuing is the sign-off: numbered and sealed now, naming the 签发人
		JsonNode signed = leader.post(report, "{}").json();
		long document = signed.path("reportDocumentId").asLong();
		assertThat(document).isPositive();
		assertThat(signed.path("reportSignOff").isNull()).isTrue();
		assertThat(county.get("/api/v1/documents/" + document).json().path("body").asString()).contains("签发人：吴建国");
		assertThat(openEvaluationObligations(year)).isEmpty();
		Audited.chained();
		assertThat(jdbc.sql("""
				select action from audit_record where object_id = ? and action like 'EVALUATION_REPORT_%' order by seq""")
			.param("410400:" + year).query(String.class).list())
			.containsExactly("EVALUATION_REPORT_SUBMITTED", "EVALUATION_REPORT_SENT_BACK", "EVALUATION_REPORT_SUBMITTED");
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"EVALUATION_REPORT\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	/**
	 * Issue 23 for the joint meeting's minutes (R5): where the office's minutes need a sign-off, a leader of
	 * the city bureau, the meeting's convener, signs them off; until then the members see no minutes and owe
	 * no action item; sent back, the draft stays for the office to revise.
	 */
	@Test
	void the_offices_minutes_are_issued_and_the_decisions_given_only_when_the_city_leader_signs_them_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400", "{\"kind\": \"MEETING_MINUTES\", \"required\": true}")
			.status()).as("the minutes are the office's, not the city bureau's").isEqualTo(400);
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400.detachment",
				"{\"kind\": \"MEETING_MINUTES\", \"required\": true}").status()).isEqualTo(200);
		Api office = Api.at(port).as("city.detachment", PASSWORD);
		Api leader = Api.at(port).as("city.leader", PASSWORD);
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		long id = office.post("/api/v1/meetings", """
				{"kind": "REGULAR", "title": "跨区域执法联动联席会议（签发）", "agenda": "研究下半年工作",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(today.plusDays(7), today.plusDays(5))).json().path("id").asLong();
		jdbc.sql("update meeting set starts_at = ? where id = ?").params(java.time.OffsetDateTime.now().minusHours(1), id).update();
		String minutes = """
				{"minutes": "会议研究了下半年跨区域联合执法工作。",
				 "decisions": [{"decision": "新华区牵头开展危险化学品联合执法检查", "ownerAgencyCode": "410402", "dueOn": "%s"}]}"""
			.formatted(today.plusDays(30));

		// recorded by the office: waiting, unnumbered, no action item, the members see nothing of it
		JsonNode waiting = office.post("/api/v1/meetings/" + id + "/minutes", minutes).json();
		assertThat(waiting.path("state").asString()).isEqualTo("MINUTES_AWAITING_SIGN_OFF");
		assertThat(waiting.path("minutesNumber").isNull()).isTrue();
		assertThat(waiting.path("actionItems")).isEmpty();
		JsonNode seenByMember = xinhua.get("/api/v1/meetings/" + id).json();
		assertThat(seenByMember.path("minutes").isNull()).isTrue();
		assertThat(seenByMember.path("minutesSignOff").isNull()).isTrue();
		assertThat(openMeetingObligations(id)).containsExactly("签发会议纪要");
		assertThat(office.post("/api/v1/meetings/" + id + "/minutes", minutes).status()).as("submitted once").isEqualTo(409);
		assertThat(office.post("/api/v1/meetings/" + id + "/minutes/sign-off", "{}").status()).isEqualTo(403);
		JsonNode read = leader.get("/api/v1/meetings/" + id).json().path("minutesSignOff");
		assertThat(read.path("draft").path("body").asString()).contains("新华区牵头开展危险化学品联合执法检查");

		// sent back: the office's draft kept with the comments, the meeting waiting for its minutes again
		assertThat(leader.post("/api/v1/meetings/" + id + "/minutes/send-back", "{}").status()).isEqualTo(400);
		JsonNode back = leader.post("/api/v1/meetings/" + id + "/minutes/send-back",
				"{\"text\": \"请补充各成员单位的发言要点。\"}").json();
		assertThat(back.path("state").asString()).isEqualTo("CONVENED");
		JsonNode kept = office.get("/api/v1/meetings/" + id).json().path("minutesSignOff");
		assertThat(kept.path("awaiting").asBoolean()).isFalse();
		assertThat(kept.path("sentBackText").asString()).contains("吴建国", "请补充各成员单位的发言要点。");
		assertThat(kept.path("minutes").asString()).isEqualTo("会议研究了下半年跨区域联合执法工作。");
		assertThat(openMeetingObligations(id)).isEmpty();
		PageSession officePages = new PageSession(port);
		officePages.signIn("city.detachment", PASSWORD);
		assertThat(officePages.get("/meetings/" + id).html()).contains("请补充各成员单位的发言要点。",
				">会议研究了下半年跨区域联合执法工作。</textarea>", "value=\"新华区牵头开展危险化学品联合执法检查\"");
		office.post("/api/v1/meetings/" + id + "/minutes", minutes);
		PageSession leaderPages = new PageSession(port);
		leaderPages.signIn("city.leader", PASSWORD);
		assertThat(leaderPages.get("/meetings/" + id).html())
			.contains("id=\"draft-minutes\"", "id=\"minutes-sign-off-form\"", "确定签发？", "id=\"minutes-send-back-form\"");

		// signed off: numbered and sealed now, naming the 签发人; the decisions become the owners' action items
		Reply signed = leader.post("/api/v1/meetings/" + id + "/minutes/sign-off", "{}");
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		assertThat(signed.json().path("state").asString()).isEqualTo("HELD");
		assertThat(signed.json().path("minutesSignedOffByName").asString()).contains("吴建国");
		assertThat(signed.json().path("actionItems").findValuesAsString("ownerAgencyCode")).containsExactly("410402");
		assertThat(xinhua.get("/api/v1/documents/" + signed.json().path("minutesDocumentId").asLong()).json().path("body")
			.asString()).contains("签发人：吴建国", "新华区牵头开展危险化学品联合执法检查");
		assertThat(openMeetingObligations(id)).isEmpty();
		assertThat(jdbc.sql("select count(*) from minutes_draft where meeting_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410400.detachment",
				"{\"kind\": \"MEETING_MINUTES\", \"required\": false}").status()).isEqualTo(200);
	}

	private java.util.List<String> openMeetingObligations(long meetingId) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'meeting' and subject_id = ?
				and owner_agency = '410400' and state = 'OPEN'""")
			.param(meetingId).query(String.class).list();
	}

	/**
	 * Issue 23 for a joint operation's summary report (issue 22): where the organising bureau's summaries
	 * need its leader's sign-off, the organiser's conclusion waits, the operation still open and the other
	 * units told nothing, until the bureau's leader signs it off (numbered, sealed, the operation ended).
	 */
	@Test
	void a_joint_operations_summary_is_issued_and_the_operation_ended_only_when_the_organisers_leader_signs_it_off() {
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"OPERATION_SUMMARY\", \"required\": true}")
			.status()).isEqualTo(200);
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api baofeng = Api.at(port).as("baofeng.enforcer", PASSWORD);
		String leaderName = Fixtures.person(Api.at(port), "410402", "LEADER");
		Api leader = Api.at(port).as(leaderName, Fixtures.NEW_USER_PASSWORD);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		Reply organised = xinhua.post("/api/v1/joint-operations", """
				{"theme": "联合执法（签发）", "legalBasis": "《中华人民共和国安全生产法》第六十五条",
				 "startsOn": "%s", "endsOn": "%s", "divisionCodes": ["410402", "410421"],
				 "participantCodes": ["410421"], "leadAgencyCode": "410402"}""".formatted(today.minusDays(1), today.plusDays(10)));
		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		long id = organised.json().path("id").asLong();
		String summary = "/api/v1/joint-operations/" + id + "/summary";

		// the organiser concludes: submitted, nothing issued, the operation open, the other unit sees nothing of it
		JsonNode submitted = xinhua.post(summary, "{\"remarks\": \"行动成效明显。\"}").json();
		assertThat(submitted.path("summaryNumber").isNull()).isTrue();
		assertThat(submitted.path("summarySignOff").path("awaiting").asBoolean()).isTrue();
		assertThat(submitted.path("summarySignOff").path("draft").path("body").asString()).contains("行动成效明显。");
		assertThat(xinhua.get("/api/v1/joint-operations/" + id).json().path("state").asString()).isEqualTo("OPEN");
		assertThat(baofeng.get(summary).json().path("summarySignOff").isNull()).isTrue();
		assertThat(xinhua.post(summary, "{\"remarks\": \"再次送签。\"}").status()).as("submitted once").isEqualTo(409);
		assertThat(openSummarySignOffs(id)).containsExactly("410402");
		assertThat(Api.at(port).as("city.leader", PASSWORD).post(summary + "/sign-off", "{}").status())
			.as("the city's leader is not the organiser's").isEqualTo(403);

		// sent back, then submitted again and signed off
		assertThat(leader.post(summary + "/send-back", "{}").status()).isEqualTo(400);
		JsonNode back = leader.post(summary + "/send-back", "{\"text\": \"请写明下一步整改要求。\"}").json();
		assertThat(back.path("summarySignOff").path("sentBackText").asString()).contains("请写明下一步整改要求。");
		await().atMost(Duration.ofSeconds(10)).until(() -> AssistanceRequestsIT.inboxTitles(xinhua).stream()
			.anyMatch(title -> title.equals("【退回】联合执法行动“联合执法（签发）”总结通报未签发，已退回修改")));
		xinhua.post(summary, "{\"remarks\": \"行动成效明显；重大隐患企业须限期整改。\"}");
		Reply signed = leader.post(summary + "/sign-off", "{}");
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		assertThat(signed.json().path("summaryNumber").asString()).matches("新华应急联〔\\d{4}〕\\d+号");
		assertThat(signed.json().path("summarySignedOffByName").asString()).contains("测试人员");
		assertThat(baofeng.get("/api/v1/documents/" + signed.json().path("summaryDocumentId").asLong()).json().path("body")
			.asString()).contains("签发人：测试人员", "重大隐患企业须限期整改");
		assertThat(xinhua.get("/api/v1/joint-operations/" + id).json().path("state").asString()).isEqualTo("CONCLUDED");
		assertThat(openSummarySignOffs(id)).isEmpty();
		assertThat(sysadmin.put("/api/v1/sign-off-policies/410402", "{\"kind\": \"OPERATION_SUMMARY\", \"required\": false}")
			.status()).isEqualTo(200);
	}

	/** The owners of the open obligations to sign an operation's summary off. */
	private java.util.List<String> openSummarySignOffs(long operationId) {
		return jdbc.sql("""
				select owner_agency from obligation where subject_type = 'joint-operation' and subject_id = ?
				and obligation = '签发联合执法行动通报' and state = 'OPEN'""")
			.param(operationId).query(String.class).list();
	}

	private long evaluationReports(int year) {
		return jdbc.sql("select count(*) from official_document where source_type = 'evaluation' and source_id = ?")
			.param("410400:" + year).query(Long.class).single();
	}

	private java.util.List<String> openEvaluationObligations(int year) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'evaluation' and subject_id = ?
				and owner_agency = '410400' and state = 'OPEN'""")
			.param(year).query(String.class).list();
	}

	private java.util.List<String> openMajorObligations(long reportId) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'major-report' and subject_id = ?
				and owner_agency = '410400' and state = 'OPEN'""")
			.param(reportId).query(String.class).list();
	}

	private java.util.List<String> openObligations(long requestId, String owner) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'assistance-request' and subject_id = ?
				and owner_agency = ? and state = 'OPEN'""")
			.params(requestId, owner).query(String.class).list();
	}
}
