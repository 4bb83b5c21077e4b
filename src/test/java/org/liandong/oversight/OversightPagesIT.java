package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.oversight.InspectionInput.today;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * R8.1, R2.6, R7.2 through the pages, as a browser submits their forms: refused input is shown at
 * its field with what was typed, irreversible steps ask for confirmation, other bureaus get not found.
 */
@LiandongIntegrationTest
class OversightPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_city_records_a_supervision_inspection_and_the_bureau_reports_its_rectification() {
		assertThat(session("xinhua.enforcer").get("/oversight/inspections/new").status()).isEqualTo(403);
		PageSession city = session("city.leader");
		Page form = city.get("/oversight/inspections/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("记录督导检查", "案卷质量", "整改事项");

		Page incomplete = city.post("/oversight/inspections", inspection().with("findings", "")
			.with("checklist[1].score", "").fields());
		assertThat(incomplete.status()).as("the form again, refusals at their fields").isEqualTo(200);
		assertThat(incomplete.html()).contains("请填写检查发现的问题", "请填写得分", "吴建国、周执远", "is-invalid");
		Page notANumber = city.post("/oversight/inspections", inspection().with("checklist[0].score", "二十七").fields());
		assertThat(notANumber.html()).contains("得分应为数字，最多保留一位小数", "二十七");
		Page tooHigh = city.post("/oversight/inspections", inspection().with("checklist[0].score", "35").fields());
		assertThat(tooHigh.html()).contains("“案卷质量”的得分 35 超过了该项分值 30");

		Page created = city.post("/oversight/inspections", inspection().fields());
		String path = location(created);
		assertThat(path).matches("/oversight/inspections/\\d+");
		Page recorded = follow(city, created);
		assertThat(recorded.html()).contains("已记录督导检查，得分 45（满分 50）", "平顶山市新华区应急管理局督导检查",
				"补正案卷调查取证材料", "24:00");
		assertThat(session("weidong.enforcer").get(path).status()).as("another county bureau").isEqualTo(404);

		PageSession xinhua = session("xinhua.enforcer");
		assertThat(xinhua.get("/oversight/inspections").html()).contains("待整改事项", "补正案卷调查取证材料");
		Page detail = xinhua.get(path);
		assertThat(detail.html()).contains("报告整改完成");
		String report = path(detail.html(), "/oversight/inspections/rectifications/\\d+/report");
		String inspectionId = path.substring(path.lastIndexOf('/') + 1);
		Page blank = xinhua.post(report, Map.of("inspectionId", inspectionId, "report", " "));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.html()).contains("请填写整改情况");
		Page reported = follow(xinhua, xinhua.post(report, Map.of("inspectionId", inspectionId, "report",
				"已补正询问笔录和现场照片。")));
		assertThat(reported.html()).contains("已报告整改情况", "整改情况：已补正询问笔录和现场照片。").doesNotContain("报告整改完成");
	}

	@Test
	void a_campaign_of_two_is_planned_confirmed_and_carried_out_through_the_pages() {
		PageSession city = session("city.detachment");
		Page list = city.get("/oversight/inspections/campaigns");
		assertThat(list.html()).contains("组织互查", "宝丰县应急管理局", "生成互查方案");
		Page one = city.post("/oversight/inspections/campaigns", Map.of("title", "宝丰县叶县互查", "year", "2026",
				"period", "第四季度", "bureauCodes", "410421"));
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.html()).contains("互查至少需要两个县（市、区）应急管理局参加", "宝丰县叶县互查");
		Page wordsForYear = city.post("/oversight/inspections/campaigns", Map.of("title", "宝丰县叶县互查", "year", "明年",
				"period", "第四季度", "bureauCodes", "410421,410422"));
		assertThat(wordsForYear.html()).contains("年度应为四位数字", "value=\"明年\"");

		Page created = city.post("/oversight/inspections/campaigns", Map.of("title", "宝丰县叶县互查", "year", "2026",
				"period", "第四季度", "bureauCodes", "410421,410422"));
		String campaign = location(created);
		Page planned = follow(city, created);
		assertThat(planned.html()).contains("方案待确认", "两个单位只能相互检查", "重新生成方案",
				"data-confirm=\"确认后方案不再改变，并通知各检查单位，确定？\"");
		Page confirmed = follow(city, city.post(campaign + "/confirmation", Map.of("version", version(planned.html()))));
		assertThat(confirmed.html()).contains("已确认互查方案，2 个检查单位已收到互查任务").doesNotContain("重新生成方案");

		PageSession baofeng = session("baofeng.enforcer");
		assertThat(baofeng.get(campaign).html()).contains("本单位的互查任务", "报送互查结果");
		Page form = baofeng.get(campaign + "/inspections/new");
		assertThat(form.html()).contains("按互查方案，本单位检查", "叶县应急管理局").doesNotContain("被检查单位 <");
		Page done = follow(baofeng, baofeng.post(campaign + "/inspections", inspection().with("inspectedAgencyCode", "")
			.fields()));
		assertThat(done.html()).contains("已报送互查结果", "宝丰县叶县互查（宝丰县应急局检查叶县应急局）");
	}

	@Test
	void the_city_opens_and_decides_an_accountability_record_through_the_pages() {
		long conduct = conduct("410402");
		long other = conduct("410403");
		PageSession city = session("city.leader");
		assertThat(city.get("/oversight/accountability/new").html()).contains("立案问责", "选择被问责单位后");
		assertThat(city.get("/oversight/accountability/conduct?agencyCode=410402").html()).contains("#" + conduct,
				"逾期未办").doesNotContain("#" + other + " ");

		Page noFacts = city.post("/oversight/accountability", Map.of("agencyCode", "410402", "facts", " ",
				"conductIds", Long.toString(conduct)));
		assertThat(noFacts.status()).isEqualTo(200);
		assertThat(noFacts.html()).contains("请填写问责事实", "#" + conduct);
		Page foreign = city.post("/oversight/accountability", Map.of("agencyCode", "410402", "facts", "多次逾期未答复协查请求",
				"conductIds", Long.toString(other)));
		assertThat(foreign.html()).contains("不是平顶山市新华区应急管理局的记录", "多次逾期未答复协查请求");

		Page created = city.post("/oversight/accountability", Map.of("agencyCode", "410402", "facts",
				"多次逾期未答复协查请求", "conductIds", Long.toString(conduct)));
		String record = location(created);
		Page opened = follow(city, created);
		assertThat(opened.html()).contains("已立案问责", "已立案，待决定", "多次逾期未答复协查请求",
				"data-confirm=\"问责决定作出后不能更改，并通知被问责单位，确定？\"");
		Page tooMany = city.post(record + "/decision", Map.of("decision", "予以通报批评", "measures", "NOTICE_OF_CRITICISM",
				"deduction", "30"));
		assertThat(tooMany.status()).isEqualTo(200);
		assertThat(tooMany.html()).contains("扣分应在 0 至 20 分之间", "予以通报批评");
		Page notANumber = city.post(record + "/decision", Map.of("decision", "予以通报批评", "measures", "ADMONITORY_TALK",
				"deduction", "三"));
		assertThat(notANumber.status()).isEqualTo(200);
		assertThat(notANumber.html()).contains("扣分应为 0 至 20 的整数", "予以通报批评", "value=\"三\"");
		Page noMeasure = city.post(record + "/decision", Map.of("decision", "予以通报批评", "deduction", "3"));
		assertThat(noMeasure.html()).contains("请至少选择一项问责措施");
		Page decided = follow(city, city.post(record + "/decision", Map.of("decision", "予以通报批评",
				"measures", "NOTICE_OF_CRITICISM,ADMONITORY_TALK", "deduction", "3")));
		assertThat(decided.html()).contains("已作出问责决定：通报批评、约谈，年终考核扣 3 分", "已作出问责决定");

		PageSession xinhua = session("xinhua.liaison");
		assertThat(xinhua.get("/oversight/accountability").html()).contains("多次逾期未答复协查请求").doesNotContain("立案问责");
		assertThat(xinhua.get(record).status()).isEqualTo(200);
		assertThat(session("weidong.liaison").get(record).status()).isEqualTo(404);
	}

	/** The supervision form filled in: two checklist rows, 45 of 50, one rectification. */
	static Form inspection() {
		return new Form().with("inspectedAgencyCode", "410402").with("inspectedOn", today().toString())
			.with("inspectors", "吴建国、周执远").with("findings", "抽查案卷 12 卷，2 卷调查取证不完整。")
			.with("checklist[0].name", "案卷质量").with("checklist[0].maxScore", "30").with("checklist[0].score", "27")
			.with("checklist[1].name", "协查请求受理答复").with("checklist[1].maxScore", "20").with("checklist[1].score", "18")
			.with("checklist[2].name", "").with("checklist[2].maxScore", "").with("checklist[2].score", "")
			.with("rectifications[0].item", "补正案卷调查取证材料")
			.with("rectifications[0].dueOn", today().plusDays(15).toString())
			.with("rectifications[1].item", "").with("rectifications[1].dueOn", "");
	}

	static final class Form {

		private final Map<String, String> fields = new LinkedHashMap<>();

		Form with(String name, String value) {
			fields.put(name, value);
			return this;
		}

		Map<String, String> fields() {
			return fields;
		}
	}

	long conduct(String agency) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into conduct_record (agency, city_agency, kind, subject_type, subject_id, subject_name, detail, recorded_at)
				values (?, '410400', 'OVERDUE', 'assistance-request', 1, '新华应急协〔2026〕5号', '逾期未答复协查请求', ?)""")
			.params(agency, OffsetDateTime.now(ZoneOffset.UTC))
			.update(key, "id");
		return key.getKeyAs(Long.class);
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

	/** The first link or form action of the page matching the pattern. */
	static String path(String html, String pattern) {
		Matcher m = Pattern.compile(pattern).matcher(html);
		assertThat(m.find()).as(pattern).isTrue();
		return m.group();
	}

	static String location(Page redirect) {
		assertThat(redirect.status()).as(redirect.html()).isEqualTo(302);
		return redirect.location().replaceFirst("^https?://[^/]+", "");
	}

	static String version(String html) {
		Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
