package org.liandong.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.operations.OperationInput.enterprise;
import static org.liandong.operations.OperationInput.operation;
import static org.liandong.operations.OperationInput.people;
import static org.liandong.operations.OperationInput.today;
import static org.liandong.support.Fixtures.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.IndependentDraw;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * 双随机 (issue 22): the organiser draws a team, targets from those without a team and inspectors
 * from the confirmed people, with a seed published with the pools. The draw is made again here from
 * what was published, by the algorithm as the API states it, written anew with Bouncy Castle's SM3
 * (not the platform's): the same targets and people must come out. All targets lie in 新华区, so
 * 新华区's own people are never drawn, and the team always has two units.
 */
@LiandongIntegrationTest
class JointOperationDrawIT {

	private static final String BASE = "/api/v1/joint-operations";

	private static final String SEED = "00112233445566778899aabbccddeeff";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_drawn_team_can_be_drawn_again_by_anyone_from_its_seed_and_pools() {
		Api xinhua = as("xinhua.enforcer");
		long id = xinhua.post(BASE, operation(Fixtures.unique("双随机联合执法"))).json().path("id").asLong();
		for (int i = 0; i < 6; i++) {
			assertThat(xinhua.post(BASE + "/" + id + "/targets", "{\"targets\": [" + enterprise("410402") + "]}").status())
				.isEqualTo(200);
		}
		assertThat(xinhua.post(BASE + "/" + id + "/confirmation", people("王执法", "李执法")).status()).isEqualTo(200);
		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法", "马执法"))
			.status()).isEqualTo(200);
		assertThat(as("samr.leader").post(BASE + "/" + id + "/confirmation", people("冯市监", "冯市监二")).status())
			.isEqualTo(200);

		Reply drawn = xinhua.post(BASE + "/" + id + "/draws", """
				{"teamName": "随机一组", "targets": 3, "inspectors": 3, "inspectFrom": "%s", "inspectTo": "%s", "seed": "%s"}"""
			.formatted(today(), today().plusDays(3), SEED));
		assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
		JsonNode draw = drawn.json();
		assertThat(draw.path("seed").asString()).isEqualTo(SEED);
		List<Long> targetPool = longs(draw.path("targetPool"));
		assertThat(targetPool).hasSize(6).isSorted();
		assertThat(strings(draw.path("excludedUnits"))).containsExactly("410402");
		List<String> peoplePool = strings(draw.path("peoplePool"));
		assertThat(peoplePool).containsExactly("410421/郑检查", "410421/韩执法", "410421/马执法", "410400.samr/冯市监",
				"410400.samr/冯市监二");

		// drawn again here, from the published seed and pools
		IndependentDraw again = new IndependentDraw(SEED);
		List<Long> expectedTargets = again.shuffled(targetPool).subList(0, 3);
		List<String> expectedPeople = new ArrayList<>();
		for (String candidate : again.shuffled(peoplePool)) {
			if (expectedPeople.size() == 3) {
				break;
			}
			String unit = candidate.substring(0, candidate.indexOf('/'));
			boolean oneUnit = expectedPeople.stream().allMatch(p -> p.startsWith(unit + "/"));
			if (expectedPeople.size() == 2 && oneUnit) {
				continue;
			}
			expectedPeople.add(candidate);
		}
		assertThat(longs(draw.path("drawnTargets"))).isEqualTo(expectedTargets);
		assertThat(strings(draw.path("drawnPeople"))).isEqualTo(expectedPeople);
		assertThat(expectedPeople.stream().map(p -> p.substring(0, p.indexOf('/'))).distinct()).hasSizeGreaterThan(1);

		// the team is formed as drawn, the first person's unit answering for it
		JsonNode operation = xinhua.get(BASE + "/" + id).json();
		JsonNode team = operation.path("teams").get(0);
		assertThat(team.path("name").asString()).isEqualTo("随机一组");
		assertThat(team.path("leadAgencyCode").asString()).isEqualTo(expectedPeople.get(0).substring(0,
				expectedPeople.get(0).indexOf('/')));
		assertThat(team.toString()).doesNotContain("王执法", "李执法");
		assertThat(jdbc.sql("select id from joint_operation_target where team_id = ? order by id")
			.param(team.path("id").asLong()).query(Long.class).list())
			.containsExactlyInAnyOrderElementsOf(expectedTargets);
		Audited.chained();
		assertThat(jdbc.sql("select detail from audit_record where action = 'OPERATION_DRAWN' and object_id = ?")
			.param("#" + id).query(String.class).list()).singleElement().asString().contains(SEED);

		// the operation's page: the organiser's form, and the draw with its seed for every unit
		PageSession organiserPages = new PageSession(port);
		organiserPages.signIn("xinhua.enforcer", PASSWORD);
		assertThat(organiserPages.get("/joint-operations/" + id).html()).contains("id=\"draw-form\"", "确定抽取？");
		PageSession samrPages = new PageSession(port);
		samrPages.signIn("samr.leader", PASSWORD);
		assertThat(samrPages.get("/joint-operations/" + id).html()).contains("随机抽取记录", SEED, "回避：平顶山市新华区应急管理局",
				"复算方法").doesNotContain("id=\"draw-form\"");

		// published to the units and the city, not to others (X2)
		assertThat(as("samr.leader").get(BASE + "/" + id + "/draws").json().findValuesAsString("seed")).containsExactly(SEED);
		assertThat(as("city.leader").get(BASE + "/" + id + "/draws").status()).isEqualTo(200);
		assertThat(as("weidong.enforcer").get(BASE + "/" + id + "/draws").status()).isEqualTo(404);
	}

	@Test
	void a_draw_that_cannot_be_made_is_refused_in_chinese_and_leaves_nothing() {
		Api xinhua = as("xinhua.enforcer");
		long id = xinhua.post(BASE, operation(Fixtures.unique("抽取不足"))).json().path("id").asLong();
		assertThat(xinhua.post(BASE + "/" + id + "/targets", "{\"targets\": [" + enterprise("410402") + "]}").status())
			.isEqualTo(200);
		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/confirmation", people("郑检查", "韩执法")).status())
			.isEqualTo(200);
		String draw = """
				{"teamName": "随机组", "targets": %d, "inspectors": 2, "inspectFrom": "%s", "inspectTo": "%s"}""";

		Reply tooMany = xinhua.post(BASE + "/" + id + "/draws", draw.formatted(2, today(), today().plusDays(3)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.detail()).isEqualTo("尚未分组的检查对象只有 1 个，不能抽取 2 个");
		// only 宝丰县 has confirmed people outside 新华区: no team of two units
		Reply oneUnit = xinhua.post(BASE + "/" + id + "/draws", draw.formatted(1, today(), today().plusDays(3)));
		assertThat(oneUnit.status()).isEqualTo(400);
		assertThat(oneUnit.detail()).contains("可抽取的人员不足", "两个及以上单位");
		Reply badSeed = xinhua.post(BASE + "/" + id + "/draws", draw.formatted(1, today(), today().plusDays(3))
			.replace("}", ", \"seed\": \"不是十六进制\"}"));
		assertThat(badSeed.status()).isEqualTo(400);
		assertThat(badSeed.body()).contains("随机种子应为 16 至 64 位十六进制数");
		assertThat(as("baofeng.enforcer").post(BASE + "/" + id + "/draws", draw.formatted(1, today(), today().plusDays(3)))
			.status()).as("only the organiser draws").isEqualTo(403);
		PageSession pages = new PageSession(port);
		pages.signIn("xinhua.enforcer", PASSWORD);
		pages.get("/joint-operations/" + id);
		PageSession.Page refused = pages.post("/joint-operations/" + id + "/draws", java.util.Map.of("teamName", "随机组",
				"targets", "1", "inspectors", "2", "inspectFrom", today().toString(), "inspectTo", today().plusDays(3).toString()));
		assertThat(refused.location()).endsWith("/joint-operations/" + id);
		assertThat(pages.get("/joint-operations/" + id).html()).contains("可抽取的人员不足");

		assertThat(jdbc.sql("select count(*) from joint_operation_team where operation_id = ?").param(id)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from joint_operation_draw where operation_id = ?").param(id)
			.query(Long.class).single()).isZero();
	}

	private static List<Long> longs(JsonNode array) {
		List<Long> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asLong()));
		return values;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	private Api as(String username) {
		return Api.at(port).as(username, PASSWORD);
	}
}
