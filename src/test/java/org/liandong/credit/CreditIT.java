package org.liandong.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** R4.2-R4.4: the dishonest list's procedure, credit checks and bulk screening, over the API. */
@LiandongIntegrationTest
class CreditIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_party_is_notified_heard_decided_published_checked_with_the_memorandum_measures_and_audited() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		memorandumInForce();
		JsonNode kase = Fixtures.majorCase(xinhua);
		String uscc = kase.path("party").path("uscc").asString();

		long generalCase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		Reply general = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(generalCase));
		assertThat(general.status()).isEqualTo(400);
		assertThat(general.problemCode()).isEqualTo("not-major-case");

		Reply proposed = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long id = proposed.json().path("id").asLong();
		assertThat(proposed.json().path("state").asString()).isEqualTo("NOTIFIED");
		assertThat(proposed.json().path("noticeNumber").asString()).matches("平应急告〔\\d{4}〕\\d+号");
		assertThat(xinhua.get("/api/v1/credit/checks?uscc=" + uscc).json().path("listed").asBoolean())
			.as("not on the list before a decision").isFalse();

		Reply early = legal.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": true, \"reason\": \"事实清楚\"}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.detail()).contains("陈述申辩期");
		assertThat(xinhua.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": true, \"reason\": \"x\"}").status())
			.as("a county bureau does not decide").isEqualTo(403);
		legal.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"企业称已整改，请求从轻处理。\"}");
		JsonNode decided = legal.post("/api/v1/credit/entries/" + id + "/decision",
				"{\"list\": true, \"reason\": \"申辩理由不能成立，失信事实清楚。\"}").json();
		assertThat(decided.path("state").asString()).isEqualTo("PUBLISHED");
		assertThat(decided.path("decisionNumber").asString()).matches("平应急决〔\\d{4}〕\\d+号");

		JsonNode check = Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/credit/checks?uscc=" + uscc.toLowerCase())
			.json();
		assertThat(check.path("subject").asString()).isEqualTo(uscc);
		assertThat(check.path("listed").asBoolean()).isTrue();
		JsonNode entry = check.path("entries").get(0);
		assertThat(entry.path("id").asLong()).isEqualTo(id);
		assertThat(entry.path("decisionNumber").asString()).isEqualTo(decided.path("decisionNumber").asString());
		assertThat(entry.path("measures").findValuesAsString("measure")).contains("限制参加政府采购活动");
		assertThat(entry.path("measures").findValuesAsString("agencyCode")).contains("410400.samr");
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/credit/checks?name="
				+ kase.path("party").path("name").asString()).json().path("listed").asBoolean()).isTrue();

		String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
		Reply refused = xinhua.get("/api/v1/credit/checks?uscc=" + wrong);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.detail()).contains("校验码错误");

		Reply repair = legal.post("/api/v1/credit/entries/" + id + "/repair", "{\"statement\": \"已整改\"}");
		assertThat(repair.status()).isEqualTo(409);
		assertThat(repair.detail()).contains("起可以申请");

		Audited.chained();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from audit_record where action = 'CREDIT_CHECK' and object_id = ?").param(uscc)
			.query(Integer.class).single() >= 1);
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREDIT_LISTED'").query(Integer.class)
			.single()).isPositive();
	}

	/** Issue 21: a name check never says "not listed" when it only failed to match exactly. */
	@Test
	void a_partial_name_of_a_listed_party_is_not_answered_not_listed_but_shown_for_review() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		Api zhanhe = Api.at(port).as("zhanhe.enforcer", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua,
				Fixtures.enterpriseCase(xinhua, "410402", "COUNTY", "平顶山市鑫源化工有限公司"));
		String uscc = kase.path("party").path("uscc").asString();
		long id = Fixtures.listedEntry(xinhua, kase, legal).path("id").asLong();

		JsonNode partial = zhanhe.get("/api/v1/credit/checks?name=平顶山市鑫源化工").json();
		assertThat(partial.path("listed").asBoolean()).as("no exact match").isFalse();
		assertThat(partial.path("reviewNeeded").asBoolean()).as("but a similar name is listed").isTrue();
		assertThat(partial.path("similar").findValuesAsString("subjectUscc")).contains(uscc);
		assertThat(partial.path("finding").asString()).contains("不能据此认定未列入").doesNotContain("未列入严重失信主体名单");

		JsonNode misspelt = zhanhe.get("/api/v1/credit/checks?name=平顶山市鑫原化工有限公司").json();
		assertThat(misspelt.path("reviewNeeded").asBoolean()).as("one character apart").isTrue();
		assertThat(misspelt.path("similar").findValuesAsString("subjectUscc")).contains(uscc);

		JsonNode exact = zhanhe.get("/api/v1/credit/checks?name=平顶山市鑫源化工有限公司").json();
		assertThat(exact.path("listed").asBoolean()).isTrue();
		assertThat(exact.path("entries").findValuesAsString("subjectUscc")).contains(uscc);
		assertThat(exact.path("similar").findValuesAsString("subjectUscc")).as("an exact match is not also similar")
			.doesNotContain(uscc);

		JsonNode unrelated = zhanhe.get("/api/v1/credit/checks?name=舞钢市无此名称建材厂").json();
		assertThat(unrelated.path("listed").asBoolean()).isFalse();
		assertThat(unrelated.path("reviewNeeded").asBoolean()).isFalse();
		assertThat(unrelated.path("finding").asString()).contains("没有名称为", "请以统一社会信用代码核查为准");
	}

	@Test
	void a_listed_party_may_be_repaired_after_the_minimum_period_and_leaves_the_list() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		long id = Fixtures.listedEntry(xinhua, kase, legal).path("id").asLong();
		// a year passes
		jdbc.sql("update credit_entry set repair_eligible_from = ? where id = ?")
			.params(OffsetDateTime.now().minusDays(1), id).update();
		JsonNode repaired = legal.post("/api/v1/credit/entries/" + id + "/repair",
				"{\"statement\": \"已履行行政处罚决定并完成整改，经核查属实。\"}").json();
		assertThat(repaired.path("state").asString()).isEqualTo("REPAIRED");
		assertThat(repaired.path("repairNumber").asString()).matches("平应急修〔\\d{4}〕\\d+号");
		assertThat(xinhua.get("/api/v1/credit/checks?uscc=" + kase.path("party").path("uscc").asString()).json()
			.path("listed").asBoolean()).isFalse();
		assertThat(legal.get("/api/v1/credit/entries/" + id).json().path("decisionNumber").isNull())
			.as("the history stays").isFalse();
	}

	@Test
	void a_screening_reports_bad_rows_by_line_and_screens_the_rest_with_progress() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		String listed = kase.path("party").path("uscc").asString();
		long id = Fixtures.listedEntry(xinhua, kase, legal).path("id").asLong();
		String clean = Fixtures.uscc("410403");
		String wrong = clean.substring(0, 17) + (clean.charAt(17) == '0' ? '1' : '0');
		String listedName = kase.path("party").path("name").asString();
		String otherCode = Fixtures.uscc("410404");
		// line 6: the listed subject's name under a code that is not listed: to be looked at, not clean (issue 21)
		String csv = "\uFEFF名称,统一社会信用代码\n甲公司," + listed + "\n乙公司," + clean + "\n丙公司," + wrong + "\n甲公司," + listed
				+ "\n" + listedName + "," + otherCode + "\n";

		Reply started = xinhua.upload("/api/v1/credit/screenings", "名单.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long screening = started.json().path("id").asLong();
		JsonNode done = await().atMost(Duration.ofSeconds(10)).until(
				() -> xinhua.get("/api/v1/credit/screenings/" + screening).json(),
				s -> s.path("state").asString().equals("DONE"));
		assertThat(done.path("total").asInt()).isEqualTo(5);
		assertThat(done.path("listed").asInt()).isEqualTo(1);
		assertThat(done.path("rejected").asInt()).isEqualTo(2);
		assertThat(done.path("review").asInt()).isEqualTo(1);
		String result = xinhua.get("/api/v1/credit/screenings/" + screening + "/result").body();
		assertThat(result).contains("已列入", "未列入", "第 4 行：统一社会信用代码", "校验码错误", "第 5 行：与第 2 行重复");
		assertThat(result.lines().filter(line -> line.startsWith("6,"))).singleElement().asString()
			.contains(otherCode, "需人工核对", listed);
		assertThat(Api.at(port).as("weidong.enforcer", PASSWORD).get("/api/v1/credit/screenings/" + screening).status())
			.as("a bureau's screening is its own").isEqualTo(404);

		Reply columns = xinhua.upload("/api/v1/credit/screenings", "名单.csv", "text/csv",
				"企业,代码\n甲公司,123\n".getBytes(StandardCharsets.UTF_8));
		assertThat(columns.status()).isEqualTo(400);
		assertThat(columns.detail()).contains("统一社会信用代码", "表头");
		byte[] garbage = new byte[3_000_000];
		new Random(7).nextBytes(garbage);
		Reply noise = xinhua.upload("/api/v1/credit/screenings", "名单.csv", "text/csv", garbage);
		assertThat(noise.status()).isEqualTo(400);
		assertThat(noise.detail()).contains("不是有效的");
	}

	@Test
	void only_the_city_legal_office_decides_a_decision_names_its_choice_and_unpublished_entries_stay_with_their_bureaus() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		Api zhanhe = Api.at(port).as("zhanhe.enforcer", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		long id = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong())).json()
			.path("id").asLong();
		legal.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"无异议\"}");

		// a legal officer of a county bureau holds the role but not the city's office (R4.2)
		String countyLegal = Fixtures.person(Api.at(port), "410402", "LEGAL_OFFICER");
		Reply county = Api.at(port).as(countyLegal, Fixtures.NEW_USER_PASSWORD)
			.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": true, \"reason\": \"事实清楚\"}");
		assertThat(county.status()).as(county.body()).isEqualTo(403);
		assertThat(county.detail()).contains("市局法制审核人员");

		Reply unchosen = legal.post("/api/v1/credit/entries/" + id + "/decision", "{\"reason\": \"事实清楚\"}");
		assertThat(unchosen.status()).as("a missing choice is not a refusal to list").isEqualTo(400);
		assertThat(unchosen.detail()).contains("请选择决定列入");
		Reply wordy = legal.post("/api/v1/credit/entries/" + id + "/decision",
				"{\"list\": true, \"reason\": \"%s\"}".formatted("理".repeat(2001)));
		assertThat(wordy.status()).isEqualTo(400);
		assertThat(wordy.detail()).contains("决定理由不能超过 2000 字");

		assertThat(zhanhe.get("/api/v1/credit/entries/" + id).status()).as("in the defence period: not public")
			.isEqualTo(404);
		assertThat(zhanhe.get("/api/v1/credit/entries?subject=" + kase.path("party").path("uscc").asString()).json()
			.path("totalElements").asLong()).isZero();
		assertThat(legal.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": true, \"reason\": \"事实清楚\"}")
			.status()).isEqualTo(200);
		assertThat(zhanhe.get("/api/v1/credit/entries/" + id).status()).as("published: everyone reads it").isEqualTo(200);
		assertThat(zhanhe.get("/api/v1/credit/entries?subject=" + kase.path("party").path("uscc").asString()).json()
			.path("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void two_proposals_on_one_case_at_the_same_moment_make_one_entry() throws Exception {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long caseId = Fixtures.majorCase(xinhua).path("id").asLong();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				replies.add(pool.submit(() -> xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(caseId))));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				statuses.add(reply.get().status());
			}
			assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from credit_entry where case_id = ?").param(caseId).query(Integer.class)
			.single()).isEqualTo(1);
	}

	void memorandumInForce() {
		Api city = Api.at(port).as("city.detachment", PASSWORD);
		Api samr = Api.at(port).as("samr.leader", PASSWORD);
		long id = city.post("/api/v1/instruments", """
				{"kind": "MEMORANDUM", "title": "安全生产严重失信主体联合惩戒合作备忘录", "scope": "全市",
				 "text": "各方对列入严重失信主体名单的生产经营单位实施联合惩戒。", "partyCodes": ["410400.samr"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s"}""".formatted(LocalDate.now(BEIJING).minusDays(1),
				LocalDate.now(BEIJING).plusYears(3))).json().path("id").asLong();
		city.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"提高安全生产检查频次\"]}");
		samr.put("/api/v1/instruments/" + id + "/measures", "{\"measures\": [\"限制参加政府采购活动\"]}");
		city.post("/api/v1/instruments/" + id + "/submit", "{}");
		city.post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(samr.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("IN_FORCE");
	}

}
