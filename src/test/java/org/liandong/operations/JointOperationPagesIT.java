package org.liandong.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.operations.OperationInput.today;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 22 on the pages: a county enforcer organises an operation with the form, 宝丰县 confirms its
 * people on the operation's page, the organiser adds targets (a bad row refuses them all, shown on the
 * page) and forms a team, an inspector of the team writes the field record on the phone page, and the
 * organiser issues the summary; 卫东区, no unit, is told the operation does not exist (X2).
 */
@LiandongIntegrationTest
class JointOperationPagesIT {

	@LocalServerPort
	int port;

	@Test
	void an_operation_from_the_form_to_the_summary_through_the_pages() {
		PageSession xinhua = signedIn("xinhua.enforcer");
		assertThat(xinhua.get("/joint-operations").html()).contains("组织联合执法行动");
		assertThat(xinhua.get("/joint-operations/new").html()).as("the legal basis most operations cite, to edit")
			.contains(">《中华人民共和国安全生产法》</textarea>");
		String theme = Fixtures.unique("页面联合执法");
		Page organised = xinhua.post("/joint-operations", List.of(Map.entry("theme", theme),
				Map.entry("legalBasis", "《中华人民共和国安全生产法》"), Map.entry("startsOn", today().minusDays(1).toString()),
				Map.entry("endsOn", today().plusDays(7).toString()), Map.entry("divisionCodes", "410402"),
				Map.entry("divisionCodes", "410421"), Map.entry("participantCodes", "410421"),
				Map.entry("leadAgencyCode", "")));
		assertThat(organised.status()).as(organised.html()).isEqualTo(302);
		String page = organised.location().replaceFirst("^https?://[^/]+", "");
		assertThat(page).matches("/joint-operations/\\d+");
		assertThat(xinhua.get(page).html()).contains(theme).contains("待确认");

		PageSession baofeng = signedIn("baofeng.enforcer");
		baofeng.get(page);
		assertThat(baofeng.post(page + "/confirmation", Map.of("people", "郑检查\n韩执法")).status()).isEqualTo(302);
		xinhua.get(page);
		xinhua.post(page + "/confirmation", Map.of("people", "王执法"));

		String good = Fixtures.uscc("410421");
		xinhua.get(page);
		Page refused = xinhua.post(page + "/targets", Map.of("rows", good + "，甲化工有限公司，410421\n12345，乙公司，410421"));
		assertThat(refused.status()).isEqualTo(302);
		String shown = xinhua.get(page).html();
		assertThat(shown).contains("检查对象有 1 行不能添加，全部未添加。第 2 行：统一社会信用代码应为 18 位")
			.doesNotContain("甲化工有限公司");
		xinhua.post(page + "/targets", Map.of("rows", good + "，甲化工有限公司，410421"));
		String withTarget = xinhua.get(page).html();
		assertThat(withTarget).contains("甲化工有限公司");
		String targetId = between(withTarget, "name=\"targetIds\" value=\"", "\"");

		Page team = xinhua.post(page + "/teams", List.of(Map.entry("name", "第一检查组"), Map.entry("leadAgencyCode", "410421"),
				Map.entry("inspectFrom", today().toString()), Map.entry("inspectTo", today().plusDays(3).toString()),
				Map.entry("members", "410402|王执法"), Map.entry("members", "410421|郑检查"), Map.entry("targetIds", targetId)));
		assertThat(team.status()).isEqualTo(302);
		assertThat(xinhua.get(page).html()).contains("已编排检查组“第一检查组”");

		String field = page + "/targets/" + targetId + "/record";
		String form = baofeng.get(field).html();
		assertThat(form).contains("保存检查记录").contains("安全生产责任制和管理制度落实情况");
		List<Map.Entry<String, String>> record = new ArrayList<>(List.of(
				Map.entry("inspectedAt", java.time.LocalDateTime.now(OperationInput.BEIJING).minusMinutes(5).withNano(0).toString()),
				Map.entry("presentPersons", "企业负责人 王明"), Map.entry("items[0].item", "危险化学品储存"),
				Map.entry("items[0].outcome", "HAZARD"), Map.entry("hazards[0].description", "储罐区可燃气体报警器失效"),
				Map.entry("hazards[0].level", "MAJOR"), Map.entry("hazards[0].location", "东侧储罐区"),
				Map.entry("hazards[1].description", ""), Map.entry("measures", "责令立即整改。"),
				Map.entry("signatures", "郑检查")));
		Page oneSigner = baofeng.post(field, record);
		assertThat(oneSigner.status()).as("the form is shown again with what was typed").isEqualTo(200);
		assertThat(oneSigner.html()).contains("现场检查应由两名以上检查人员签名").contains("储罐区可燃气体报警器失效");
		record.add(Map.entry("signatures", "王执法"));
		Page saved = baofeng.post(field, record);
		assertThat(saved.status()).as(saved.html()).isEqualTo(302);
		String view = baofeng.get(field).html();
		assertThat(view).contains("重大隐患").contains("郑检查、王执法").contains("上传照片");

		assertThat(signedIn("weidong.enforcer").get(page).status()).as("X2").isEqualTo(404);

		xinhua.get(page);
		assertThat(xinhua.post(page + "/summary", Map.of("remarks", "行动成效明显。")).status()).isEqualTo(302);
		String concluded = xinhua.get(page).html();
		assertThat(concluded).contains("已结束").contains("新华应急联〔" + today().getYear() + "〕")
			.contains("检查对象 1 个，已检查 1 个；一般隐患 0 项，重大隐患 1 项；立案 0 件");
	}

	@Test
	void the_organiser_uploads_a_target_list_and_refers_a_target_no_unit_supervises() {
		// over 新华区 and 卫东区, with 宝丰县 taking part: no unit supervises 卫东区 (R2.2)
		org.liandong.support.Api.Reply organised = org.liandong.support.Api.at(port).as("xinhua.enforcer", PASSWORD)
			.post("/api/v1/joint-operations", OperationInput.operation(Fixtures.unique("名单与移送"))
				.replace("[\"410402\", \"410421\"]", "[\"410402\", \"410403\"]"));
		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		String page = "/joint-operations/" + organised.json().path("id").asLong();
		PageSession xinhua = signedIn("xinhua.enforcer");
		assertThat(xinhua.get(page).html()).contains("id=\"targets-file-form\"", "上传名单");
		String name = Fixtures.unique("卫东区某仓储有限公司");
		String csv = "统一社会信用代码,名称,所在区划\n%s,%s,410403\n".formatted(Fixtures.uscc("410403"), name);

		Page uploaded = xinhua.upload(page + "/targets/file", "名单.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(uploaded.status()).isEqualTo(302);
		String listed = xinhua.get(page).html();
		assertThat(listed).contains("已从名单添加检查对象 1 个", name, "需移送");
		String targetId = between(listed, "id=\"refer-", "\"");

		Page referred = xinhua.post(page + "/targets/" + targetId + "/referral", Map.of());
		assertThat(referred.status()).isEqualTo(302);
		String after = xinhua.get(page).html();
		assertThat(after).contains("已将“" + name + "”移送平顶山市卫东区应急管理局，该局已收到消息", "已移送平顶山市卫东区应急管理局")
			.doesNotContain("id=\"refer-" + targetId + "\"").doesNotContain("name=\"targetIds\" value=\"" + targetId + "\"");
	}

	private PageSession signedIn(String username) {
		PageSession session = new PageSession(port);
		session.signIn(username, PASSWORD);
		return session;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}
