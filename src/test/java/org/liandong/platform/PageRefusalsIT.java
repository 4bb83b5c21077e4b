package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * One concern, one mechanism (issue 25): a form's refusal on a page, through the real HTTP layer.
 * By X2 another bureau's record does not exist for a bureau that is no party to it, so a form
 * posted against it by such a bureau answers the Chinese 404 page, exactly as the API answers 404
 * for the same record; it is never a message on a page that bureau cannot see. A party's action
 * that a rule refuses returns to the page the form names, which shows the rule's Chinese reason.
 */
@LiandongIntegrationTest
class PageRefusalsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Test
	void foreign_bureau_posting_to_a_request_page_gets_404() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long id = Fixtures.draftRequest(xinhua, "410421").path("id").asLong();
		Reply sent = xinhua.post("/api/v1/assistance-requests/" + id + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isBetween(200, 299);

		Reply api = Api.at(port).as("weidong.enforcer", PASSWORD)
			.post("/api/v1/assistance-requests/" + id + "/accept", "{}");
		assertThat(api.status()).as("the API: 新华区's request to 宝丰县 is not found for 卫东区").isEqualTo(404);
		PageSession weidong = session("weidong.enforcer");
		asTheApi(api, weidong.post("/assistance/" + id + "/accept", Map.of()));
		asTheApi(api, weidong.post("/assistance/" + id + "/revision", Map.of("matters", "改写")));
		weidong.get("/");
		asTheApi(api, weidong.upload("/assistance/" + id + "/attachments", "材料.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void foreign_bureau_reporting_on_a_dispatch_page_gets_404() {
		long id = dispatchToXinhua();

		Reply api = Api.at(port).as("weidong.enforcer", PASSWORD)
			.post("/api/v1/dispatches/" + id + "/report", "{\"report\": \"已办理。\"}");
		assertThat(api.status()).as("the API: the city's dispatch to 新华区 is not found for 卫东区").isEqualTo(404);
		asTheApi(api, session("weidong.enforcer").post("/dispatches/" + id + "/report", Map.of("report", "已办理。")));
	}

	@Test
	void foreign_bureau_acting_on_a_credit_entry_page_gets_404() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long id = creditEntry(xinhua);

		Reply api = Api.at(port).as("zhanhe.enforcer", PASSWORD)
			.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"无异议\"}");
		assertThat(api.status()).as("the API: an entry in its defence period is not found for a bureau of no party")
			.isEqualTo(404);
		asTheApi(api, session("zhanhe.enforcer").post("/credit/entries/" + id + "/defence", Map.of("text", "无异议")));
	}

	@Test
	void a_party_refused_on_a_dispatch_returns_to_the_dispatch_with_the_reason() {
		long id = dispatchToXinhua();
		PageSession xinhua = session("xinhua.enforcer");

		Page refused = xinhua.post("/dispatches/" + id + "/report", Map.of("report", " "));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(path(refused)).isEqualTo("/dispatches/" + id);
		assertThat(xinhua.get(path(refused)).html()).contains("请填写办理情况");
		assertThat(xinhua.get("/dispatches/" + id).html()).as("the reason is shown once").doesNotContain("请填写办理情况");
	}

	@Test
	void a_refused_credit_decision_returns_to_the_entry_with_the_reason() {
		long id = creditEntry(Api.at(port).as("xinhua.enforcer", PASSWORD));
		PageSession legal = session("city.legal");

		Page refused = legal.post("/credit/entries/" + id + "/decision", Map.of("text", "事实清楚"));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(path(refused)).isEqualTo("/credit/entries/" + id);
		assertThat(legal.get(path(refused)).html()).contains("请选择列入或不予列入");
	}

	@Test
	void a_refused_dispatch_returns_to_the_case_it_was_issued_from_with_the_reason() {
		long caseId = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY")
			.path("id").asLong();
		PageSession detachment = session("city.detachment");

		Page refused = detachment.post("/dispatches", Map.of("caseId", Long.toString(caseId), "agencyCode", "410402",
				"instruction", "请复查", "dueOn", LocalDate.now(BEIJING).minusDays(3).toString()));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(path(refused)).isEqualTo("/cases/" + caseId);
		assertThat(detachment.get(path(refused)).html()).contains("已过，请选择今天或以后的日期");
	}

	@Test
	void a_refused_evaluation_report_returns_to_the_evaluation_of_that_year_with_the_reason() {
		int year = LocalDate.now(BEIJING).getYear() - 1;
		PageSession xinhua = session("xinhua.enforcer");

		Page refused = xinhua.post("/oversight/evaluations/" + year + "/report", Map.of());

		assertThat(refused.status()).isEqualTo(302);
		assertThat(path(refused)).isEqualTo("/oversight/evaluations?year=" + year);
		assertThat(xinhua.get(path(refused)).html()).contains("年度考评结果由市局领导或执法支队印发");
	}

	/** The city's dispatch to 新华区 on a case of 新华区. */
	long dispatchToXinhua() {
		long caseId = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY")
			.path("id").asLong();
		Reply issued = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/dispatches", """
				{"caseId": %d, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
				 "dueOn": "%s"}""".formatted(caseId, LocalDate.now(BEIJING).plusDays(7)));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().path("id").asLong();
	}

	/** An entry proposed by 新华区 on its own major case, in its defence period (not public). */
	static long creditEntry(Api xinhua) {
		JsonNode kase = Fixtures.majorCase(xinhua);
		Reply proposed = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		return proposed.json().path("id").asLong();
	}

	/** A session signed in, on its home page, so that its forms carry the signed-in session's CSRF token. */
	PageSession session(String username) {
		PageSession session = new PageSession(port);
		session.signIn(username, PASSWORD);
		session.get("/");
		return session;
	}

	/** The Chinese 404 page, saying what the API's answer says. */
	static void asTheApi(Reply api, Page page) {
		assertThat(page.status()).as(page.location() + page.html()).isEqualTo(404);
		assertThat(api.detail()).isNotBlank();
		assertThat(page.html()).contains("lang=\"zh-CN\"", "404 未找到", api.detail());
	}

	static String path(Page redirect) {
		return redirect.location().replaceFirst("^https?://[^/]+", "");
	}
}
