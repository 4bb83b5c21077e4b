package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.oversight.InspectionsIT.awaitMessage;
import static org.liandong.oversight.InspectionsIT.ids;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.IndependentDraw;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * R2.6: the city bureau runs mutual inspection campaigns among the county bureaus of its city; the
 * system proposes who inspects whom, never a bureau itself and, from three bureaus on, never two
 * bureaus each other; the city bureau may propose again, then confirms, and each inspecting bureau
 * records findings, a score and rectification items the inspected bureau must report done.
 */
@LiandongIntegrationTest
class InspectionCampaignsIT {

	static final List<String> FIVE = List.of("410402", "410403", "410404", "410411", "410421");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents obligations;

	@Test
	void a_campaign_needs_at_least_two_bureaus_of_the_city() {
		refused(campaign(List.of("410402")), "互查至少需要两个县（市、区）应急管理局参加");
		refused(campaign(List.of("410402", "410402")), "互查至少需要两个");
		refused(campaign(List.of()), "互查至少需要两个");
		refused("{\"title\": \"2026年度执法工作互查\", \"year\": 2026, \"period\": \"第四季度\"}", "互查至少需要两个");
		refused(campaign(List.of("410402", "410400.samr")), "平顶山市市场监督管理局不是本市的县（市、区）应急管理局");
		refused(campaign(List.of("410402", "999999")), "单位 999999 不存在");
		refused("{\"title\": \" \", \"year\": 2026, \"period\": \"第四季度\", \"bureauCodes\": [\"410402\", \"410403\"]}",
				"请填写互查名称");
		refused("{\"title\": \"互查\", \"year\": 1999, \"period\": \"第四季度\", \"bureauCodes\": [\"410402\", \"410403\"]}",
				"年度应在 2000 至 2100 之间");
		refused("{\"title\": \"互查\", \"year\": 2026, \"period\": \"\", \"bureauCodes\": [\"410402\", \"410403\"]}",
				"请填写互查期间");
		Reply county = Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/inspections/campaigns",
				campaign(FIVE));
		assertThat(county.status()).as("a county bureau does not plan campaigns").isEqualTo(403);
	}

	@Test
	void the_proposal_has_no_self_and_no_mutual_pair_and_may_be_proposed_again_until_confirmed() {
		Api city = Api.at(port).as("city.detachment", PASSWORD);
		Reply created = city.post("/api/v1/inspections/campaigns", campaign(FIVE));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode proposed = created.json();
		long id = proposed.path("id").asLong();
		assertThat(proposed.path("state").asString()).isEqualTo("PROPOSED");
		assertThat(proposed.path("note").isNull()).as("nothing to warn of with five").isTrue();
		assertProperCycle(assignment(proposed), FIVE);
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		assertThat(xinhua.get("/api/v1/inspections/campaigns/" + id).status())
			.as("bureaus learn of the campaign at its confirmation").isEqualTo(404);

		JsonNode again = city.post("/api/v1/inspections/campaigns/" + id + "/proposal", "").json();
		assertProperCycle(assignment(again), FIVE);
		assertThat(assignment(again)).as("another shuffle").isNotEqualTo(assignment(proposed));
		// 双随机 (issue 22): each assignment is drawn again here from its published seed, by the published rule,
		// with Bouncy Castle's SM3 rather than the platform's
		for (JsonNode drawn : List.of(proposed, again)) {
			assertThat(drawn.path("drawSeed").asString()).matches("[0-9a-f]{32}");
			assertThat(drawn.path("drawAlgorithm").asString()).contains("SM3", "Fisher–Yates", "升序");
			assertThat(assignment(drawn)).isEqualTo(redrawn(drawn.path("drawSeed").asString(), FIVE));
		}
		Audited.chained();
		assertThat(jdbc.sql("select detail from audit_record where action = 'CAMPAIGN_PROPOSED' and detail like ?")
			.param("%" + again.path("drawSeed").asString() + "%").query(String.class).list()).hasSize(1);
		assertThat(again.path("version").asLong()).isGreaterThan(proposed.path("version").asLong());

		Reply stale = city.post("/api/v1/inspections/campaigns/" + id + "/confirmation",
				"{\"version\": %d}".formatted(proposed.path("version").asLong()));
		assertThat(stale.status()).as("the proposal seen was replaced").isEqualTo(409);
		assertThat(stale.detail()).contains("请核对最新方案后再确认");
		Reply confirmed = city.post("/api/v1/inspections/campaigns/" + id + "/confirmation",
				"{\"version\": %d}".formatted(again.path("version").asLong()));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(assignment(confirmed.json())).isEqualTo(assignment(again));

		assertThat(city.post("/api/v1/inspections/campaigns/" + id + "/proposal", "").status()).isEqualTo(409);
		assertThat(city.post("/api/v1/inspections/campaigns/" + id + "/confirmation", "{}").status()).isEqualTo(409);
		awaitMessage(xinhua, "【互查任务】", "/oversight/inspections/campaigns/" + id);
		assertThat(xinhua.get("/api/v1/inspections/campaigns/" + id).status()).isEqualTo(200);
		assertThat(ids(xinhua.get("/api/v1/inspections/campaigns?size=200"))).contains(id);
		Api ruzhou = Api.at(port).as("ruzhou.liaison", PASSWORD);
		assertThat(ruzhou.get("/api/v1/inspections/campaigns/" + id).status()).as("not taking part").isEqualTo(404);
		assertThat(ids(ruzhou.get("/api/v1/inspections/campaigns?size=200"))).doesNotContain(id);
	}

	@Test
	void two_bureaus_necessarily_inspect_each_other_and_are_told_so() {
		JsonNode two = Api.at(port).as("city.leader", PASSWORD).post("/api/v1/inspections/campaigns",
				campaign(List.of("410422", "410423"))).json();

		assertThat(assignment(two)).isEqualTo(Map.of("410422", "410423", "410423", "410422"));
		assertThat(two.path("note").asString()).contains("两个单位只能相互检查");
	}

	@Test
	void the_inspecting_bureau_records_its_inspection_and_the_inspected_bureau_rectifies() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		List<String> three = List.of("410402", "410403", "410404");
		long id = city.post("/api/v1/inspections/campaigns", campaign(three)).json().path("id").asLong();
		String record = "/api/v1/inspections/campaigns/" + id + "/inspections";
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		assertThat(xinhua.post(record, InspectionInput.mutual().json()).status()).as("not yet confirmed").isEqualTo(404);
		Map<String, String> assignment = assignment(city.post("/api/v1/inspections/campaigns/" + id + "/confirmation", "")
			.json());
		String inspected = assignment.get("410402");
		String bystander = three.stream().filter(b -> !b.equals("410402") && !b.equals(inspected)).findFirst().orElseThrow();

		Reply byCity = city.post(record, InspectionInput.mutual().json());
		assertThat(byCity.status()).isEqualTo(403);
		assertThat(byCity.detail()).contains("只有承担检查任务的单位");
		assertThat(Api.at(port).as("xinhua.liaison", PASSWORD).post(record, InspectionInput.mutual().json()).status())
			.as("the enforcers or leaders record it").isEqualTo(403);
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).post(record, InspectionInput.mutual().json()).status())
			.as("not taking part").isEqualTo(404);
		Reply wrongBureau = xinhua.post(record, InspectionInput.of(bystander).json());
		assertThat(wrongBureau.status()).isEqualTo(400);
		assertThat(wrongBureau.detail()).contains("按互查方案，本单位检查的是");
		Reply badScore = xinhua.post(record, InspectionInput.mutual().item("执法文书规范", 10, 11).json());
		assertThat(badScore.status()).isEqualTo(400);
		assertThat(badScore.detail()).contains("超过了该项分值");

		Reply recorded = xinhua.post(record, InspectionInput.mutual().json());
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode inspection = recorded.json();
		long inspectionId = inspection.path("id").asLong();
		assertThat(inspection.path("kind").asString()).isEqualTo("MUTUAL");
		assertThat(inspection.path("inspectedAgencyCode").asString()).isEqualTo(inspected);
		assertThat(inspection.path("inspectingAgencyCode").asString()).isEqualTo("410402");
		assertThat(inspection.path("campaignId").asLong()).isEqualTo(id);
		assertThat(inspection.path("totalScore").decimalValue()).isEqualByComparingTo("89.5");
		long itemId = inspection.path("rectifications").get(0).path("id").asLong();
		assertThat(obligations.dues("rectification", itemId)).singleElement()
			.satisfies(due -> assertThat(due.ownerAgencyCode()).isEqualTo(inspected));
		assertThat(xinhua.post(record, InspectionInput.mutual().json()).status()).as("recorded once").isEqualTo(409);
		assertThat(StreamSupport.stream(city.get("/api/v1/inspections/campaigns/" + id).json().path("assignments")
			.spliterator(), false).filter(a -> a.path("inspectingAgencyCode").asString().equals("410402"))
			.map(a -> a.path("inspectionId").asLong())).containsExactly(inspectionId);

		Api inspectedBureau = Api.at(port).as(prefix(inspected) + ".enforcer", PASSWORD);
		assertThat(inspectedBureau.get("/api/v1/inspections/" + inspectionId).status()).isEqualTo(200);
		assertThat(Api.at(port).as(prefix(bystander) + ".enforcer", PASSWORD).get("/api/v1/inspections/" + inspectionId)
			.status()).as("the third bureau of the campaign").isEqualTo(404);
		assertThat(city.get("/api/v1/inspections/" + inspectionId).status()).isEqualTo(200);
		awaitMessage(inspectedBureau, "【互查】", "/oversight/inspections/" + inspectionId);

		Reply done = inspectedBureau.post("/api/v1/inspections/rectifications/" + itemId + "/report",
				"{\"report\": \"已补正案卷材料。\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(obligations.settlements("rectification", itemId)).singleElement()
			.satisfies(settled -> assertThat(settled.met()).isTrue());
		awaitMessage(xinhua, "【整改报告】", "/oversight/inspections/" + inspectionId);
	}

	private void refused(String body, String message) {
		int before = jdbc.sql("select count(*) from inspection_campaign").query(Integer.class).single();
		Reply reply = Api.at(port).as("city.leader", PASSWORD).post("/api/v1/inspections/campaigns", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.detail()).contains(message);
		assertThat(jdbc.sql("select count(*) from inspection_campaign").query(Integer.class).single()).isEqualTo(before);
	}

	static String campaign(List<String> bureaus) {
		return """
				{"title": "2026年度跨区域执法工作互查", "year": 2026, "period": "第四季度", "bureauCodes": [%s]}"""
			.formatted(String.join(", ", bureaus.stream().map(b -> "\"" + b + "\"").toList()));
	}

	/** The bureaus in ascending code order, shuffled as SeededDraw.ALGORITHM states, each inspecting the next. */
	static Map<String, String> redrawn(String seed, List<String> bureaus) {
		List<String> order = new IndependentDraw(seed).shuffled(bureaus.stream().sorted().toList());
		Map<String, String> assignment = new HashMap<>();
		for (int k = 0; k < order.size(); k++) {
			assignment.put(order.get(k), order.get((k + 1) % order.size()));
		}
		return assignment;
	}

	static Map<String, String> assignment(JsonNode campaign) {
		Map<String, String> assignment = new HashMap<>();
		campaign.path("assignments").forEach(a -> assignment.put(a.path("inspectingAgencyCode").asString(),
				a.path("inspectedAgencyCode").asString()));
		return assignment;
	}

	static void assertProperCycle(Map<String, String> assignment, List<String> bureaus) {
		assertThat(assignment.keySet()).containsExactlyInAnyOrderElementsOf(bureaus);
		assertThat(assignment.values()).containsExactlyInAnyOrderElementsOf(bureaus);
		assignment.forEach((inspecting, inspected) -> {
			assertThat(inspected).as("no self-inspection").isNotEqualTo(inspecting);
			assertThat(assignment.get(inspected)).as("no mutual pair").isNotEqualTo(inspecting);
		});
	}

	static String prefix(String bureau) {
		return Map.of("410402", "xinhua", "410403", "weidong", "410404", "shilong").get(bureau);
	}
}
