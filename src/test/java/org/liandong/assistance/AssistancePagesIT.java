package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The assistance, major-case, dispatch and document pages, driven as a browser submits their forms. */
@LiandongIntegrationTest
class AssistancePagesIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Test
	void a_request_is_drafted_sent_accepted_and_answered_through_the_pages_keeping_refused_input() {
		JsonNode kase = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY");
		long caseId = kase.path("id").asLong();
		PageSession xinhua = session("xinhua.enforcer");
		Page panel = xinhua.get("/assistance/case/" + caseId);
		assertThat(panel.html()).contains("本案还没有协查请求", "发起协查", "报告重大案件");
		Page form = xinhua.get("/assistance/new?caseId=" + caseId);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("发起协查请求", kase.path("number").asString(), "答复期限");

		Page blank = xinhua.post("/assistance", Map.of("caseId", Long.toString(caseId), "assistingAgencyCode", "410403",
				"matters", "", "legalBasis", "《安全生产法》", "answerBy", LocalDate.now(BEIJING).plusDays(20).toString()));
		assertThat(blank.status()).as("the form again, with the refusal at its field").isEqualTo(200);
		assertThat(blank.html()).contains("请填写协查事项", "《安全生产法》");

		Page created = xinhua.post("/assistance", Map.of("caseId", Long.toString(caseId), "assistingAgencyCode", "410403",
				"matters", "核实该企业在卫东区的仓库情况", "legalBasis", "《中华人民共和国安全生产法》",
				"answerBy", LocalDate.now(BEIJING).plusDays(20).toString()));
		assertThat(created.status()).isEqualTo(302);
		String path = created.location().replaceFirst("^https?://[^/]+", "");
		assertThat(path).matches("/assistance/\\d+");
		Page draft = xinhua.get(path);
		assertThat(draft.html()).contains("已保存为草稿", "草稿", "发出");

		Page sent = follow(xinhua, xinhua.post(path + "/send", Map.of("version", version(draft.html()))));
		assertThat(sent.html()).containsPattern("已发出，文号 新华应急协〔\\d{4}〕\\d+号").contains("剩余");
		assertThat(xinhua.post(path + "/send", Map.of()).html()).as("a second sending is refused with the reason")
			.contains("协查请求当前为“已发出，待受理”，不能发出");

		PageSession weidong = session("weidong.enforcer");
		assertThat(weidong.get("/assistance?box=incoming").html()).contains(kase.path("number").asString(), "请本单位协助的");
		follow(weidong, weidong.post(path + "/accept", Map.of()));
		Page refused = weidong.post(path + "/answer", Map.of("text", "  "));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("请填写协查结果");
		Page answered = follow(weidong, weidong.post(path + "/answer", Map.of("text", "该仓库已于今年停用。")));
		assertThat(answered.html()).contains("已答复，待确认", "该仓库已于今年停用。");

		Page letter = xinhua.get(letterLink(sent.html()));
		assertThat(letter.html()).contains("关于商请协助调查", "平顶山市卫东区应急管理局：", "平顶山市新华区应急管理局");
		assertThat(session("zhanhe.enforcer").get(path).status()).as("a third bureau gets not found").isEqualTo(404);
		assertThat(xinhua.get("/assistance?box=outgoing").html()).contains("已答复，待确认");
	}

	@Test
	void the_legal_office_designates_and_the_city_dispatches_through_the_pages() {
		JsonNode kase = Fixtures.enterpriseCase(Api.at(port).as("xinhua.enforcer", PASSWORD), "410402", "COUNTY");
		long caseId = kase.path("id").asLong();
		PageSession xinhua = session("xinhua.enforcer");
		assertThat(xinhua.get("/cases/" + caseId).html()).contains("正在载入协查与督办");
		Page reported = xinhua.post("/cases/" + caseId + "/major-report", Map.of("facts", "涉及多个县区的危险化学品违法储存"));
		String report = reported.location().replaceFirst("^https?://[^/]+", "");
		assertThat(report).matches("/major-reports/\\d+");

		PageSession legal = session("city.legal");
		assertThat(legal.get("/major-reports").html()).contains(kase.path("number").asString(), "待指定管辖");
		Page detail = legal.get(report);
		assertThat(detail.html()).contains("指定管辖并印发通知", "涉及多个县区");
		Page noTask = legal.post(report + "/designation", Map.of("agencyCode", "410403", "role", "LEAD", "task", "",
				"dueOn", LocalDate.now(BEIJING).plusDays(15).toString(), "instructions", "请依法查处"));
		assertThat(noTask.html()).contains("请填写该单位的任务");
		Page designated = follow(legal, legal.post(report + "/designation", Map.of("agencyCode", "410403", "role", "LEAD",
				"task", "牵头调查处理", "dueOn", LocalDate.now(BEIJING).plusDays(15).toString(), "instructions", "请依法查处")));
		assertThat(designated.html()).containsPattern("已指定管辖，通知文号 平应急指〔\\d{4}〕\\d+号").contains("牵头调查处理");

		PageSession detachment = session("city.detachment");
		assertThat(detachment.get("/assistance/case/" + caseId).html()).contains("市局督办");
		Page issued = detachment.post("/dispatches", Map.of("caseId", Long.toString(caseId), "agencyCode", "410403",
				"instruction", "请于期限内报告查处进展", "dueOn", LocalDate.now(BEIJING).plusDays(5).toString()));
		String dispatch = issued.location().replaceFirst("^https?://[^/]+", "");
		assertThat(dispatch).matches("/dispatches/\\d+");
		assertThat(detachment.get(dispatch).html()).containsPattern("已督办，通知文号 平应急督〔\\d{4}〕\\d+号")
			.as("a deadline at the end of a day is written as 24:00 of that day").contains("24:00");
		PageSession weidong = session("weidong.enforcer");
		assertThat(weidong.get("/dispatches").html()).contains("请于期限内报告查处进展");
		assertThat(follow(weidong, weidong.post(dispatch + "/report", Map.of("report", "已立案调查，正在取证。"))).html())
			.contains("已报告办理情况");
		assertThat(follow(detachment, detachment.post(dispatch + "/close", Map.of())).html()).contains("督办事项已办结");
	}

	PageSession session(String username) {
		PageSession session = new PageSession(port);
		session.signIn(username, PASSWORD);
		return session;
	}

	static Page follow(PageSession session, Page redirect) {
		assertThat(redirect.status()).as(redirect.html()).isEqualTo(302);
		return session.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
	}

	static String version(String html) {
		Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	static String letterLink(String html) {
		Matcher m = Pattern.compile("href=\"(/documents/\\d+)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
