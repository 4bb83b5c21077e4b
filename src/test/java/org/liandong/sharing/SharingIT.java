package org.liandong.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** R6: periodic reports with completeness and timeliness, posts, and bulletins acknowledged or escalated. */
@LiandongIntegrationTest
class SharingIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reports_are_submitted_and_revised_and_a_late_one_lowers_timeliness() {
		Api city = Api.at(port).as("city.detachment", PASSWORD);
		assertThat(city.post("/api/v1/reports/schedules", "{\"title\": \"x\", \"frequency\": \"MONTHLY\", \"dueDay\": 32}")
			.detail()).contains("1 到 31");
		JsonNode schedule = city.post("/api/v1/reports/schedules",
				"{\"title\": \"月度执法统计\", \"frequency\": \"MONTHLY\", \"dueDay\": 31}").json();
		long scheduleId = schedule.path("id").asLong();
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		long xinhuaOwes = owed(xinhua, scheduleId);
		long weidongOwes = owed(weidong, scheduleId);

		assertThat(Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/reports", submission(xinhuaOwes)).status())
			.as("the liaison submits").isEqualTo(403);
		assertThat(xinhua.post("/api/v1/reports", submission(xinhuaOwes)).json().path("revision").asInt()).isEqualTo(1);
		JsonNode revised = xinhua.post("/api/v1/reports", submission(xinhuaOwes)).json();
		assertThat(revised.path("revision").asInt()).as("a second submission is a revision").isEqualTo(2);
		assertThat(xinhua.get("/api/v1/reports/obligations/" + xinhuaOwes + "/submissions").json().size()).isEqualTo(2);

		// both periods end: 新华区 had reported in time, 卫东区 reports after the due time
		jdbc.sql("update report_obligation set due_at = ?, first_submitted_at = ? where id = ?")
			.params(OffsetDateTime.now().minusHours(1), OffsetDateTime.now().minusHours(2), xinhuaOwes).update();
		jdbc.sql("update report_obligation set due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1),
				weidongOwes).update();
		weidong.post("/api/v1/reports", submission(weidongOwes));
		JsonNode table = city.get("/api/v1/reports/timeliness?scheduleId=" + scheduleId).json();
		assertThat(row(table, "410402").path("timelinessPercent").asInt()).isEqualTo(100);
		assertThat(row(table, "410403").path("completenessPercent").asInt()).isEqualTo(100);
		assertThat(row(table, "410403").path("timelinessPercent").asInt()).as("late").isEqualTo(0);

		long shilongOwes = owed(Api.at(port).as("shilong.liaison", PASSWORD), scheduleId);
		jdbc.sql("update report_obligation set due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(1),
				shilongOwes).update();
		Audited.chained();
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
				"select count(*) from audit_record where action = 'OBLIGATION_OVERDUE' and object_type = 'report' and object_id = ?")
			.param("#" + shilongOwes).query(Integer.class).single() == 1);
	}

	@Test
	void a_bulletin_is_acknowledged_by_some_and_escalated_to_the_city_for_the_rest() {
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		Reply sent = xinhua.post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏\", \"body\": \"今日 10 时许发生少量泄漏，无人员伤亡，请各地排查同类企业。\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long id = sent.json().path("id").asLong();
		// every county bureau of the city, the sender excepted; the city bureau oversees
		List<String> recipients = sent.json().path("acknowledgements").findValuesAsString("agencyCode");
		assertThat(recipients).contains("410403", "410482").doesNotContain("410402", "410400");
		// addressed collectively, as GB/T 9704 provides for many addressees: a list of a province-sized city's
		// 160 bureaus outgrew the line and every bulletin was refused (the soak of 2026-12-06, issue 24)
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		JsonNode document = weidong.get("/api/v1/documents/" + sent.json().path("documentId").asLong()).json();
		assertThat(document.path("addressee").asString()).isEqualTo("各县（市、区）应急管理局");
		JsonNode acknowledged = weidong.post("/api/v1/bulletins/" + id + "/acknowledgement", "").json();
		assertThat(acknowledged.toString()).contains("孙丽娟", "马文静").as("who acknowledged is shown");
		Reply twice = weidong.post("/api/v1/bulletins/" + id + "/acknowledgement", "");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.detail()).contains("已签收");

		jdbc.sql("update bulletin set ack_due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(1), id).update();
		JsonNode escalated = await().atMost(Duration.ofSeconds(15))
			.until(() -> xinhua.get("/api/v1/bulletins/" + id).json(),
					b -> b.path("acknowledgements").findValuesAsString("escalated").stream().filter("true"::equals)
						.count() == recipients.size() - 1);
		assertThat(escalated.toString()).contains("平顶山市卫东区应急管理局");
		Api city = Api.at(port).as("city.leader", PASSWORD);
		await().atMost(Duration.ofSeconds(10)).until(() -> city.get("/api/v1/inbox?size=200").json().path("messages")
			.path("content").findValuesAsString("title").stream().filter(t -> t.startsWith("【快报未签收】")).count() >= recipients.size() - 1);
	}

	@Test
	void posts_are_visible_to_every_bureau() {
		Api.at(port).as("lushan.enforcer", PASSWORD).post("/api/v1/posts",
				"{\"kind\": \"EXPERIENCE\", \"title\": \"鲁山县交叉执法经验\", \"body\": \"一、建立台账；二、交叉检查。\"}");
		assertThat(Api.at(port).as("ruzhou.liaison", PASSWORD).get("/api/v1/posts?size=50").json().path("content")
			.findValuesAsString("title")).contains("鲁山县交叉执法经验");
	}

	static long owed(Api liaison, long scheduleId) {
		return liaison.get("/api/v1/reports/obligations?scheduleId=" + scheduleId).json().path("content").get(0)
			.path("id").asLong();
	}

	static String submission(long obligationId) {
		return "{\"obligationId\": %d, \"title\": \"月度执法统计\", \"body\": \"本月检查企业 52 家，立案 6 件。\"}"
			.formatted(obligationId);
	}

	static JsonNode row(JsonNode table, String agency) {
		for (JsonNode row : table) {
			if (row.path("agencyCode").asString().equals(agency)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + agency + " in " + table);
	}
}
