package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
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

/** R2.5 major cases designated by the city legal office; R2.7 the city bureau's dispatch. */
@LiandongIntegrationTest
class MajorCasesAndDispatchIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api xinhua;
	Api legal;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		legal = Api.at(port).as("city.legal", PASSWORD);
	}

	@Test
	void the_legal_office_designates_a_reported_major_case_with_a_numbered_notice_and_the_agencies_get_the_case() {
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long caseId = kase.path("id").asLong();
		JsonNode report = report(caseId);
		long id = report.path("id").asLong();
		assertThat(report.path("state").asString()).isEqualTo("PENDING");
		assertThat(xinhua.post("/api/v1/cases/" + caseId + "/major-report", "{\"facts\": \"再次报告\"}").status())
			.as("one pending report per case").isEqualTo(409);

		assertThat(legal.get("/api/v1/major-reports?state=PENDING&size=200").json().path("content")
			.findValuesAsString("caseNumber")).contains(kase.path("number").asString());
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxTitles(legal).stream()
			.anyMatch(title -> title.contains("报告案件 " + kase.path("number").asString())));

		Reply byBureau = xinhua.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "LEAD"));
		assertThat(byBureau.status()).isEqualTo(403);
		String countyLegal = Fixtures.person(Api.at(port), "410402", "LEGAL_OFFICER");
		Reply byCountyLegal = Api.at(port).as(countyLegal, Fixtures.NEW_USER_PASSWORD)
			.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "LEAD"));
		assertThat(byCountyLegal.status()).as("the role without the city's legal office").isEqualTo(403);
		Reply noLead = legal.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "ASSISTING"));
		assertThat(noLead.status()).isEqualTo(400);
		assertThat(noLead.detail()).contains("请指定一个主办单位，或两个以上合办单位");
		Reply past = legal.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "LEAD")
			.replace(LocalDate.now(BEIJING).plusDays(20).toString(), LocalDate.now(BEIJING).minusDays(2).toString()));
		assertThat(past.status()).isEqualTo(400);
		assertThat(legal.get("/api/v1/major-reports/" + id).json().path("state").asString())
			.as("nothing changed by refused designations").isEqualTo("PENDING");

		Reply designated = legal.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "LEAD"));
		assertThat(designated.status()).as(designated.body()).isEqualTo(200);
		JsonNode notice = designated.json().path("designation");
		assertThat(notice.path("number").asString()).matches("平应急指〔\\d{4}〕\\d+号");
		assertThat(notice.path("tasks").findValuesAsString("agencyCode")).containsExactlyInAnyOrder("410403", "410402");
		assertThat(legal.post("/api/v1/major-reports/" + id + "/designation", designation("410403", "LEAD")).status())
			.as("a decided report is not decided again").isEqualTo(409);

		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		JsonNode hosted = weidong.get("/api/v1/cases/" + caseId).json();
		assertThat(hosted.path("hostAgencyCode").asString()).isEqualTo("410403");
		assertThat(hosted.path("severity").asString()).isEqualTo("MAJOR");
		assertThat(hosted.path("participants").findValuesAsString("agencyCode")).contains("410402", "410403");
		JsonNode document = weidong.get("/api/v1/documents/" + notice.path("documentId").asLong()).json();
		assertThat(document.path("title").asString()).isEqualTo("关于指定" + kase.path("number").asString() + "管辖的通知");
		assertThat(document.path("body").asString()).contains("平顶山市卫东区应急管理局（主办）");
		await().atMost(Duration.ofSeconds(10)).until(() -> inboxTitles(weidong).stream()
			.anyMatch(title -> title.contains("指定本单位主办案件 " + kase.path("number").asString())));

		JsonNode done = weidong.post("/api/v1/major-reports/" + id + "/task-report",
				"{\"report\": \"已完成现场勘验和询问，正在制作处罚决定。\"}").json();
		assertThat(done.path("designation").path("tasks").get(0).path("reportedAt").isNull()).isFalse();
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/major-reports/" + id).status())
			.isEqualTo(404);
	}

	@Test
	void the_legal_office_may_decline_with_a_reason() {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		long id = report(caseId).path("id").asLong();
		assertThat(legal.post("/api/v1/major-reports/" + id + "/decline", "{\"reason\": \" \"}").status()).isEqualTo(400);
		JsonNode declined = legal.post("/api/v1/major-reports/" + id + "/decline",
				"{\"reason\": \"涉案金额和后果未达到重大案件标准，由属地依法办理。\"}").json();
		assertThat(declined.path("state").asString()).isEqualTo("DECLINED");
		assertThat(xinhua.get("/api/v1/major-reports/" + id).json().path("declineReason").asString())
			.startsWith("涉案金额");
	}

	@Test
	void the_city_dispatches_a_bureau_which_reports_and_the_city_closes_and_a_missed_deadline_is_published() {
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		Api detachment = Api.at(port).as("city.detachment", PASSWORD);
		String dispatch = """
				{"caseId": %d, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
				 "dueOn": "%s"}""".formatted(kase.path("id").asLong(), LocalDate.now(BEIJING).plusDays(7));
		assertThat(xinhua.post("/api/v1/dispatches", dispatch).status()).as("a bureau does not dispatch").isEqualTo(403);
		Reply issued = detachment.post("/api/v1/dispatches", dispatch);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		long id = issued.json().path("id").asLong();
		assertThat(issued.json().path("number").asString()).matches("平应急督〔\\d{4}〕\\d+号");
		assertThat(xinhua.get("/api/v1/dispatches?size=200").json().path("content").findValuesAsString("id"))
			.contains(Long.toString(id));
		assertThat(detachment.post("/api/v1/dispatches/" + id + "/close", "{}").status())
			.as("nothing reported yet").isEqualTo(409);

		jdbc.sql("update dispatch set due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(5), id).update();
		await().atMost(Duration.ofSeconds(15)).until(() -> xinhua.get("/api/v1/dispatches/" + id).json()
			.path("overdue").asBoolean());
		Audited.chained();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from audit_record where action = 'OBLIGATION_OVERDUE' and object_id = ?""")
			.param(issued.json().path("number").asString()).query(Integer.class).single() == 1);

		JsonNode reported = xinhua.post("/api/v1/dispatches/" + id + "/report",
				"{\"report\": \"已复查，企业已完成整改，附复查记录。\"}").json();
		assertThat(reported.path("state").asString()).isEqualTo("REPORTED");
		JsonNode closed = detachment.post("/api/v1/dispatches/" + id + "/close", "{}").json();
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(Api.at(port).as("weidong.enforcer", PASSWORD).get("/api/v1/dispatches/" + id).status())
			.isEqualTo(404);
	}

	JsonNode report(long caseId) {
		Reply reported = xinhua.post("/api/v1/cases/" + caseId + "/major-report",
				"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，社会影响较大，建议作为重大案件。\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		return reported.json();
	}

	static String designation(String agency, String role) {
		return """
				{"instructions": "请主办单位牵头调查取证，协办单位配合提供企业在本辖区的经营情况。",
				 "parties": [
				   {"agencyCode": "%s", "role": "%s", "task": "牵头调查取证、作出处理决定", "dueOn": "%s"},
				   {"agencyCode": "410402", "role": "ASSISTING", "task": "提供前期检查材料", "dueOn": "%s"}]}"""
			.formatted(agency, role, LocalDate.now(BEIJING).plusDays(20), LocalDate.now(BEIJING).plusDays(20));
	}

	static java.util.List<String> inboxTitles(Api api) {
		return api.get("/api/v1/inbox?size=200").json().path("messages").path("content").findValuesAsString("title");
	}
}
