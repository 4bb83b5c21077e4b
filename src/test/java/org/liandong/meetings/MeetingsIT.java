package org.liandong.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** R5: the office convenes, members reply, minutes become a document and decisions action items. */
@LiandongIntegrationTest
class MeetingsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_meeting_is_convened_replied_to_held_with_minutes_and_its_decisions_tracked() {
		Api office = Api.at(port).as("city.detachment", PASSWORD);
		assertThat(Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/meetings", meeting("REGULAR")).status())
			.as("only the office convenes").isEqualTo(403);
		Reply convened = office.post("/api/v1/meetings", meeting("REGULAR"));
		assertThat(convened.status()).as(convened.body()).isEqualTo(201);
		long id = convened.json().path("id").asLong();
		// the county bureaus of the city: the ten of the demo data, and any a test registered meanwhile
		int members = convened.json().path("members").size();
		assertThat(convened.json().path("members").findValuesAsString("agencyCode")).contains("410402", "410482")
			.doesNotContain("410400", "410400.detachment");
		assertThat(office.get("/api/v1/meetings/regular-status").json().path("overdue").asBoolean()).isFalse();

		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		Reply nobody = xinhua.post("/api/v1/meetings/" + id + "/attendance", "{\"attend\": true}");
		assertThat(nobody.status()).as("issue 21: a reply to attend names who attends").isEqualTo(400);
		assertThat(nobody.detail()).isEqualTo("参会的，请填写参会人员的姓名和职务");
		Reply attending = xinhua.post("/api/v1/meetings/" + id + "/attendance",
				"{\"attend\": true, \"attendee\": \"孙丽娟（信息联络员）\"}");
		assertThat(attending.status()).as(attending.body()).isEqualTo(200);
		assertThat(attending.json().path("members").findValues("attendee").stream().map(JsonNode::asString))
			.contains("孙丽娟（信息联络员）");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(xinhua.get("/api/v1/inbox?size=200").json()
			.path("messages").path("content").findValuesAsString("body"))
			.as("the notice ends each typed text once (issue 21)")
			.filteredOn(body -> body.startsWith("地点："))
			.anyMatch(body -> body.startsWith("地点：市应急管理局三楼会议室。议程：一、通报协作情况；二、研究下半年工作。请于"))
			.noneMatch(body -> body.contains("。。")));
		Reply noReason = weidong.post("/api/v1/meetings/" + id + "/attendance", "{\"attend\": false}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.detail()).contains("说明理由");
		weidong.post("/api/v1/meetings/" + id + "/attendance", "{\"attend\": false, \"reason\": \"当日有安全生产大检查\"}");
		Reply early = office.post("/api/v1/meetings/" + id + "/minutes", "{\"minutes\": \"纪要\", \"decisions\": []}");
		assertThat(early.status()).isEqualTo(409);

		// the reply date passes, then the meeting is held
		jdbc.sql("update meeting set reply_due_at = ? where id = ?").params(OffsetDateTime.now().minusHours(2), id).update();
		Audited.chained();
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
				"select count(*) from audit_record where action = 'OBLIGATION_OVERDUE' and object_type = 'meeting' and object_id = ?")
			.param("#" + id).query(Integer.class).single() == members - 2);
		assertThat(office.get("/api/v1/meetings/" + id).json().path("members").findValuesAsString("overdue").stream()
			.filter("true"::equals)).as("all who did not reply").hasSize(members - 2);
		jdbc.sql("update meeting set starts_at = ? where id = ?").params(OffsetDateTime.now().minusHours(1), id).update();
		Reply late = Api.at(port).as("zhanhe.liaison", PASSWORD).post("/api/v1/meetings/" + id + "/attendance",
				"{\"attend\": true, \"attendee\": \"孙丽娟（信息联络员）\"}");
		assertThat(late.status()).as("no reply once the meeting began").isEqualTo(409);

		JsonNode held = office.post("/api/v1/meetings/" + id + "/minutes", """
				{"minutes": "会议通报了上半年跨区域执法协作情况，研究了下半年工作。",
				 "decisions": [{"decision": "新华区牵头开展危险化学品联合执法检查", "ownerAgencyCode": "410402", "dueOn": "%s"}]}"""
			.formatted(LocalDate.now(BEIJING).plusDays(30))).json();
		assertThat(held.path("state").asString()).isEqualTo("HELD");
		assertThat(held.path("minutesNumber").asString()).matches("平应急纪〔\\d{4}〕\\d+号");
		JsonNode minutes = xinhua.get("/api/v1/documents/" + held.path("minutesDocumentId").asLong()).json();
		assertThat(minutes.path("body").asString()).contains("应到 %d 个成员单位，实到 1 个".formatted(members), "请假：当日有安全生产大检查",
				"新华区牵头开展危险化学品联合执法检查");

		long item = held.path("actionItems").get(0).path("id").asLong();
		assertThat(weidong.post("/api/v1/meetings/action-items/" + item + "/completion", "{\"evidence\": \"x\"}").status())
			.as("only the owner completes it").isEqualTo(403);
		JsonNode done = xinhua.post("/api/v1/meetings/action-items/" + item + "/completion",
				"{\"evidence\": \"已于本月完成联合检查 12 家企业，发现隐患 31 项，整改报告见附件。\"}").json();
		assertThat(done.path("state").asString()).isEqualTo("DONE");

	}

	@Test
	void the_office_keeps_versioned_work_norms() {
		Api office = Api.at(port).as("city.detachment", PASSWORD);
		JsonNode norm = office.post("/api/v1/meetings/norms",
				"{\"title\": \"协查工作规范\", \"body\": \"第一条 协查请求两个工作日内受理。\"}").json();
		JsonNode revised = office.put("/api/v1/meetings/norms/" + norm.path("id").asLong(),
				"{\"body\": \"第一条 协查请求两个工作日内受理。第二条 答复期限由请求单位确定。\", \"note\": \"增加第二条\"}").json();
		assertThat(revised.path("currentVersion").asInt()).isEqualTo(2);
		assertThat(revised.path("versions").findValuesAsString("note")).contains("增加第二条");
		assertThat(Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/meetings/norms",
				"{\"title\": \"x\", \"body\": \"y\"}").status()).isEqualTo(403);
	}

	static String meeting(String kind) {
		return """
				{"kind": "%s", "title": "2026年下半年跨区域执法联动联席会议", "agenda": "一、通报协作情况；二、研究下半年工作",
				 "place": "市应急管理局三楼会议室", "startsAt": "%sT09:00:00", "replyBy": "%s"}"""
			.formatted(kind, LocalDate.now(BEIJING).plusDays(7), LocalDate.now(BEIJING).plusDays(5));
	}
}
