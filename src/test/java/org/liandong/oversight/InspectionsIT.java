package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.oversight.InspectionInput.today;
import static org.liandong.support.Fixtures.PASSWORD;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * R8.1: the city bureau inspects a county bureau irregularly with a checklist, findings, a computed
 * score and rectification items; each rectification item is the inspected bureau's obligation in
 * the ledger until it reports what it did; only the bureaus involved and the city level see it.
 */
@LiandongIntegrationTest
class InspectionsIT {

	static final String XINHUA = "410402";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents obligations;

	@Autowired
	Inspections inspections;

	@Test
	void a_supervision_inspection_totals_its_checklist_and_owes_each_rectification_as_an_obligation() {
		Reply recorded = city().post("/api/v1/inspections", InspectionInput.of(XINHUA)
			.rectify("建立协查请求台账，专人跟踪答复期限", today().plusDays(20)).json());

		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode inspection = recorded.json();
		long id = inspection.path("id").asLong();
		assertThat(inspection.path("kind").asString()).isEqualTo("SUPERVISION");
		assertThat(inspection.path("title").asString()).startsWith("平顶山市新华区应急管理局督导检查");
		assertThat(inspection.path("totalScore").decimalValue()).as("26.5 + 18 + 45").isEqualByComparingTo("89.5");
		assertThat(inspection.path("maxScore").decimalValue()).isEqualByComparingTo("100");
		assertThat(inspection.path("inspectors").toString()).isEqualTo("[\"吴建国\",\"周执远\"]");
		assertThat(inspection.path("checklist").get(0).path("name").asString()).isEqualTo("案卷质量");
		JsonNode rectifications = inspection.path("rectifications");
		assertThat(rectifications).hasSize(2);

		JsonNode first = rectifications.get(0);
		long itemId = first.path("id").asLong();
		Instant endOfDay = today().plusDays(11).atStartOfDay(InspectionInput.BEIJING).toInstant();
		assertThat(Instant.parse(first.path("dueAt").asString())).as("24:00 of the due day, Beijing time")
			.isEqualTo(endOfDay);
		assertThat(obligations.dues("rectification", itemId)).containsExactly(new ObligationDue("rectification", itemId,
				inspection.path("title").asString(), "完成整改", XINHUA, endOfDay, "/oversight/inspections/" + id));
		assertThat(obligations.dues("rectification", rectifications.get(1).path("id").asLong())).hasSize(1);

		awaitMessage(Api.at(port).as("xinhua.liaison", PASSWORD), "【督导检查】", "/oversight/inspections/" + id);
	}

	@Test
	void only_the_inspected_bureau_and_the_city_level_see_an_inspection() {
		long id = city().post("/api/v1/inspections", InspectionInput.of(XINHUA).json()).json().path("id").asLong();

		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		assertThat(weidong.get("/api/v1/inspections/" + id).status()).as("another county bureau").isEqualTo(404);
		assertThat(ids(weidong.get("/api/v1/inspections?size=200"))).doesNotContain(id);
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		assertThat(xinhua.get("/api/v1/inspections/" + id).status()).isEqualTo(200);
		assertThat(ids(xinhua.get("/api/v1/inspections?size=200"))).contains(id);
		assertThat(Api.at(port).as("city.legal", PASSWORD).get("/api/v1/inspections/" + id).status())
			.as("the city level").isEqualTo(200);
		assertThat(ids(Api.at(port).as("city.detachment", PASSWORD).get("/api/v1/inspections?kind=SUPERVISION&size=200")))
			.contains(id);
	}

	@Test
	void only_the_city_bureaus_leaders_and_detachment_record_supervision_inspections() {
		Reply county = Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/inspections",
				InspectionInput.of("410403").json());
		assertThat(county.status()).isEqualTo(403);
		assertThat(county.detail()).contains("只有市局领导和执法支队人员");
		assertThat(Api.at(port).as("city.legal", PASSWORD).post("/api/v1/inspections", InspectionInput.of(XINHUA).json())
			.status()).as("the legal office does not inspect").isEqualTo(403);
		assertThat(Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/inspections",
				InspectionInput.of("410403").json()).status()).isEqualTo(201);
	}

	@Test
	void bad_input_is_refused_in_chinese_and_nothing_is_half_saved() {
		refused(InspectionInput.of(XINHUA).item("执法文书规范", 10, 12), "“执法文书规范”的得分 12 超过了该项分值 10");
		refused(InspectionInput.of(XINHUA).item("执法文书规范", 10, -1), "得分不能为负数");
		refused(InspectionInput.of(XINHUA).item("执法文书规范", 0, 0), "分值应大于 0");
		refused(InspectionInput.of(XINHUA).item("", 10, 8), "请填写检查项目名称");
		refused(InspectionInput.of(XINHUA).item("执法文书规范", 10, 8.25), "得分最多保留一位小数");
		refused(InspectionInput.of(XINHUA).noChecklist(), "请至少填写一项检查内容");
		refused(InspectionInput.of(XINHUA).with("findings", " "), "请填写检查发现的问题");
		refused(InspectionInput.of(XINHUA).with("inspectors", List.of()), "请填写检查人员");
		refused(InspectionInput.of(XINHUA).with("inspectedOn", null), "请填写检查日期");
		refused(InspectionInput.of(XINHUA).with("inspectedOn", today().plusDays(1).toString()), "检查日期不能晚于今天");
		// the first rectification is fine, the second is not: neither is kept, nor owed
		refused(InspectionInput.of(XINHUA).rectify("完善执法记录仪使用制度", today().minusDays(1)), "整改期限不能早于今天");
		refused(InspectionInput.of(XINHUA).rectify("", today().plusDays(5)), "请填写整改事项");
		refused(InspectionInput.of(XINHUA).rectify("完善执法记录仪使用制度", null), "请填写整改期限");
		refused(InspectionInput.of(null), "请选择被检查单位");
		refused(InspectionInput.of("410400.samr"), "平顶山市市场监督管理局不是本市的县（市、区）应急管理局");
		refused(InspectionInput.of("410400"), "不是本市的县（市、区）应急管理局");
		refused(InspectionInput.of("999999"), "单位 999999 不存在");
		Reply malformed = city().post("/api/v1/inspections", "{\"inspectedAgencyCode\": \"410402\", \"checklist\": 3}");
		assertThat(malformed.status()).isEqualTo(400);
		// issue 20: a field of the wrong type is named, not the whole body called invalid JSON
		assertThat(malformed.detail()).contains("checklist", "类型或格式不正确");
	}

	@Test
	void the_inspected_bureau_reports_a_rectification_done_which_meets_its_obligation() {
		JsonNode inspection = city().post("/api/v1/inspections", InspectionInput.of(XINHUA).json()).json();
		long itemId = inspection.path("rectifications").get(0).path("id").asLong();
		String report = "/api/v1/inspections/rectifications/" + itemId + "/report";
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		assertThat(ids(xinhua.get("/api/v1/inspections/rectifications?open=true&size=200"))).contains(itemId);

		assertThat(Api.at(port).as("weidong.enforcer", PASSWORD).post(report, "{\"report\": \"已整改\"}").status())
			.as("another bureau does not learn of it").isEqualTo(404);
		Reply byCity = city().post(report, "{\"report\": \"已整改\"}");
		assertThat(byCity.status()).isEqualTo(403);
		assertThat(byCity.detail()).contains("只有被检查单位");
		Reply blank = xinhua.post(report, "{\"report\": \"  \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.detail()).contains("请填写整改情况");
		assertThat(obligations.settlements("rectification", itemId)).isEmpty();

		Reply done = xinhua.post(report, "{\"report\": \"已补正 2 卷案卷的询问笔录和现场照片，经复核符合要求。\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("state").asString()).isEqualTo("DONE");
		assertThat(done.json().path("reportedByName").asString()).contains("平顶山市新华区应急管理局");
		List<ObligationSettled> settled = obligations.settlements("rectification", itemId);
		assertThat(settled).hasSize(1);
		assertThat(settled.get(0)).extracting(ObligationSettled::obligation, ObligationSettled::ownerAgencyCode,
				ObligationSettled::met).containsExactly("完成整改", XINHUA, true);
		Reply again = xinhua.post(report, "{\"report\": \"再次报告\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.detail()).contains("已经报告过");
		assertThat(ids(xinhua.get("/api/v1/inspections/rectifications?open=true&size=200"))).doesNotContain(itemId);
		awaitMessage(city(), "【整改报告】", "/oversight/inspections/" + inspection.path("id").asLong());
	}

	@Test
	void the_year_end_evaluation_reads_each_inspections_score_of_the_year() {
		long id = city().post("/api/v1/inspections", InspectionInput.of("410404").json()).json().path("id").asLong();

		List<InspectionScore> scores = inspections.scores("410400", today().getYear());

		assertThat(scores).filteredOn(s -> s.inspectionId() == id).singleElement().satisfies(s -> {
			assertThat(s.inspectedAgencyCode()).isEqualTo("410404");
			assertThat(s.kind()).isEqualTo(InspectionKind.SUPERVISION);
			assertThat(s.inspectedOn()).isEqualTo(today());
			assertThat(s.totalScore()).isEqualByComparingTo(new BigDecimal("89.5"));
			assertThat(s.maxScore()).isEqualByComparingTo(new BigDecimal("100"));
		});
		assertThat(inspections.scores("410400", today().getYear() - 1)).noneMatch(s -> s.inspectionId() == id);
		assertThat(inspections.scores("410300", today().getYear())).as("another city").isEmpty();
	}

	private void refused(InspectionInput input, String message) {
		int inspectionsBefore = count("inspection");
		int rectificationsBefore = count("rectification");
		int dueBefore = obligations.dueCount();
		Reply reply = city().post("/api/v1/inspections", input.json());
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains(message);
		assertThat(count("inspection")).isEqualTo(inspectionsBefore);
		assertThat(count("rectification")).isEqualTo(rectificationsBefore);
		assertThat(obligations.dueCount()).as("no obligation published").isEqualTo(dueBefore);
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private Api city() {
		return Api.at(port).as("city.leader", PASSWORD);
	}

	static List<Long> ids(Reply page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return StreamSupport.stream(page.json().path("content").spliterator(), false).map(n -> n.path("id").asLong())
			.toList();
	}

	static void awaitMessage(Api reader, String titlePrefix, String link) {
		await().atMost(Duration.ofSeconds(10)).until(() -> StreamSupport.stream(
				reader.get("/api/v1/inbox?size=200").json().path("messages").path("content").spliterator(), false)
			.anyMatch(m -> m.path("title").asString().startsWith(titlePrefix) && m.path("link").asString().equals(link)));
	}
}
