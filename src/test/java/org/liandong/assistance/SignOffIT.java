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
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.TestDatabases;
import org.liandong.support.PageSession;
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
			.containsExactly("ASSISTANCE_LETTER");
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
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ASSISTANCE_SIGN_OFF' and object_id = ?")
			.param(sent.path("number").asString()).query(Long.class).single()).isEqualTo(1);
		// every step in the case's timeline and the audit trail too
		assertThat(xinhua.get("/api/v1/cases/" + draft.path("caseId").asLong()).json().path("timeline")
			.findValuesAsString("kind")).contains("ASSISTANCE_SUBMIT", "ASSISTANCE_SEND_BACK", "ASSISTANCE_SIGN_OFF");
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
		assertThat(admin.get("/admin/sign-off-policies").html()).contains("公文签发设置", "平顶山市新华区应急管理局", "协助调查函须签发");
	}

	private java.util.List<String> openObligations(long requestId, String owner) {
		return jdbc.sql("""
				select obligation from obligation where subject_type = 'assistance-request' and subject_id = ?
				and owner_agency = ? and state = 'OPEN'""")
			.params(requestId, owner).query(String.class).list();
	}
}
