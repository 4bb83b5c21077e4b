package org.liandong.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * R8.2: the year-end evaluation scores each bureau from its records, every point traceable to
 * them; a running year is provisional; the ranking exports as Excel and, once the year ended, as
 * the official report. Issue 21: every obligation settled in the year counts (on time, late, never),
 * an indicator with nothing to count is 无可考评事项 rather than full points, and a bureau with
 * nothing measured is not ranked.
 */
@LiandongIntegrationTest
class EvaluationIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void a_bureaus_points_come_from_its_obligations_and_lead_back_to_them() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		// 宝丰县 in 2025: three answers on time, one late
		for (int i = 0; i < 4; i++) {
			LocalDateTime due = LocalDateTime.of(2025, 3, 10 + i, 17, 0);
			long subject = obligation("410421", due, i < 3 ? due.minusDays(1) : due.plusDays(2));
			assertThat(subject).isPositive();
		}
		JsonNode evaluation = city.get("/api/v1/evaluations/2025").json();
		assertThat(evaluation.path("provisional").asBoolean()).isFalse();
		assertThat(evaluation.path("weights").findValuesAsString("points").stream().mapToInt(Integer::parseInt).sum())
			.isEqualTo(100);
		assertThat(evaluation.path("ranking")).hasSize(10);
		JsonNode baofeng = bureau(evaluation, "410421");
		JsonNode timeliness = indicator(baofeng, "assistance-timeliness");
		assertThat(timeliness.path("counted").asLong()).isEqualTo(4);
		assertThat(timeliness.path("achieved").asDouble()).isEqualTo(3);
		assertThat(timeliness.path("rate").asDouble()).isEqualTo(75.0);
		assertThat(timeliness.path("points").asDouble()).isEqualTo(timeliness.path("weight").asDouble() * 0.75);
		JsonNode completion = indicator(baofeng, "assistance-completion");
		assertThat(completion.path("rate").asDouble()).as("all four were answered").isEqualTo(100.0);
		JsonNode reports = indicator(baofeng, "reports");
		assertThat(reports.path("rate").isNull()).as("nothing owed on reports").isTrue();
		assertThat(reports.path("points").isNull()).as("无可考评事项: neither full points nor none").isTrue();
		// the score is taken over the measured indicators only, as a score out of 100 (issue 21)
		double measured = timeliness.path("weight").asDouble() + completion.path("weight").asDouble();
		double earned = timeliness.path("weight").asDouble() * 0.75 + completion.path("weight").asDouble();
		assertThat(baofeng.path("measuredWeight").asDouble()).isEqualTo(measured);
		assertThat(baofeng.path("total").asDouble()).isCloseTo(100 * earned / measured,
				org.assertj.core.api.Assertions.within(0.011));
		assertThat(baofeng.path("rank").isNumber()).isTrue();

		// the records behind the points
		String records = timeliness.path("records").asString();
		assertThat(records).startsWith("/oversight/obligations?owner=410421&subjectType=assistance-request")
			.contains("dueFrom=2025-01-01", "dueTo=2025-12-31");
		JsonNode listed = city.get("/api/v1/obligations" + records.substring(records.indexOf('?')) + "&size=200").json();
		assertThat(listed.path("totalElements").asLong()).isEqualTo(4);
		assertThat(city.get("/api/v1/obligations" + records.substring(records.indexOf('?')) + "&outcome=late").json()
			.path("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void an_inspection_score_earns_its_share_and_an_accountability_deduction_comes_off_the_total() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		int year = java.time.LocalDate.now(BEIJING).getYear();
		// 鲁山县: inspected at 89.5 of 100, and a decision taking 5 points
		Reply inspected = city.post("/api/v1/inspections", InspectionInput.of("410423").json());
		assertThat(inspected.status()).as(inspected.body()).isEqualTo(201);
		long record = city.post("/api/v1/accountability", AccountabilityIT.record("410423", "多次未按期答复协查请求。",
				java.util.List.of())).json().path("id").asLong();
		Reply decided = city.post("/api/v1/accountability/" + record + "/decision",
				AccountabilityIT.decision("予以通报批评。", "[\"NOTICE_OF_CRITICISM\"]", null, "5"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);

		JsonNode lushan = bureau(city.get("/api/v1/evaluations/" + year).json(), "410423");
		JsonNode inspections = indicator(lushan, "inspections");
		assertThat(inspections.path("counted").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(inspections.path("records").asString()).contains("/oversight/inspections/" + inspected.json().path("id").asLong());
		assertThat(lushan.path("deduction").asDouble()).isGreaterThanOrEqualTo(5);
		assertThat(lushan.path("accountabilityRecordIds").toString()).contains(Long.toString(record));
		double earned = 0;
		double measured = 0;
		for (JsonNode line : lushan.path("indicators")) {
			if (!line.path("points").isNull()) {
				earned += line.path("points").asDouble();
				measured += line.path("weight").asDouble();
			}
		}
		assertThat(lushan.path("total").asDouble()).isCloseTo(
				Math.max(0, 100 * earned / measured - lushan.path("deduction").asDouble()),
				org.assertj.core.api.Assertions.within(0.011));
		assertThat(inspections.path("points").asDouble()).isLessThan(inspections.path("weight").asDouble());
	}

	@Test
	void a_bureau_with_nothing_to_measure_is_not_ranked_and_has_no_score() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		// 2023: no records of any bureau in the demo data or in these tests
		JsonNode evaluation = city.get("/api/v1/evaluations/2023").json();

		assertThat(evaluation.path("ranking")).hasSize(10);
		for (JsonNode score : evaluation.path("ranking")) {
			assertThat(score.path("rank").isNull()).as("not ranked: " + score.path("agencyName")).isTrue();
			assertThat(score.path("total").isNull()).as("no score, not 100").isTrue();
			for (JsonNode line : score.path("indicators")) {
				assertThat(line.path("points").isNull()).isTrue();
			}
		}
	}

	@Test
	void an_answer_given_on_time_counts_before_its_deadline_has_passed() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		int year = java.time.LocalDate.now(BEIJING).getYear();
		LocalDateTime now = LocalDateTime.now(BEIJING);
		JsonNode before = indicator(bureau(city.get("/api/v1/evaluations/" + year).json(), "410425"),
				"assistance-timeliness");

		// 郏县 answers today what is due in three days
		obligation("410425", now.plusDays(3), now.minusHours(1));

		JsonNode after = indicator(bureau(city.get("/api/v1/evaluations/" + year).json(), "410425"),
				"assistance-timeliness");
		assertThat(after.path("counted").asLong()).isEqualTo(before.path("counted").asLong() + 1);
		assertThat(after.path("achieved").asDouble()).isEqualTo(before.path("achieved").asDouble() + 1);
	}

	@Test
	void taking_part_in_a_joint_operation_on_time_counts_for_the_bureau() {
		// issue 22 (N1): the evaluation counts participation; 宝丰县 is asked to join an operation starting tomorrow
		Api city = Api.at(port).as("city.leader", PASSWORD);
		int year = java.time.LocalDate.now(BEIJING).getYear();
		JsonNode before = indicator(bureau(city.get("/api/v1/evaluations/" + year).json(), "410421"), "joint-operations");
		java.time.LocalDate tomorrow = java.time.LocalDate.now(BEIJING).plusDays(1);
		Reply organised = Api.at(port).as("xinhua.enforcer", PASSWORD).post("/api/v1/joint-operations", """
				{"theme": "考评测试联合执法", "legalBasis": "《中华人民共和国安全生产法》第六十五条",
				 "startsOn": "%s", "endsOn": "%s", "divisionCodes": ["410402", "410421"],
				 "participantCodes": ["410421"], "leadAgencyCode": "410402"}""".formatted(tomorrow, tomorrow.plusDays(5)));
		assertThat(organised.status()).as(organised.body()).isEqualTo(201);
		Reply confirmed = Api.at(port).as("baofeng.enforcer", PASSWORD).post("/api/v1/joint-operations/"
				+ organised.json().path("id").asLong() + "/confirmation", "{\"people\": [\"郑检查\"]}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

		JsonNode after = indicator(bureau(city.get("/api/v1/evaluations/" + year).json(), "410421"), "joint-operations");
		assertThat(after.path("label").asString()).isEqualTo("联合执法按期参与");
		assertThat(after.path("counted").asLong()).as("the confirmation owed before the start")
			.isEqualTo(before.path("counted").asLong() + 1);
		assertThat(after.path("achieved").asDouble()).as("confirmed before the start: on time")
			.isEqualTo(before.path("achieved").asDouble() + 1);
		assertThat(after.path("records").asString())
			.startsWith("/oversight/obligations?owner=410421&subjectType=joint-operation,joint-operation-team,joint-operation-summary");
	}

	@Test
	void attending_a_meeting_counts_fully_an_excused_absence_half_and_silence_nothing() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		int year = java.time.LocalDate.now(BEIJING).getYear();
		JsonNode before = city.get("/api/v1/evaluations/" + year).json();
		Reply convened = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/meetings", """
				{"kind": "AD_HOC", "title": "考评测试临时会议", "agenda": "研究协作事项", "place": "市应急管理局三楼会议室",
				 "startsAt": "%sT09:00:00", "replyBy": "%s"}""".formatted(java.time.LocalDate.now(BEIJING).plusDays(7),
				java.time.LocalDate.now(BEIJING).plusDays(5)));
		assertThat(convened.status()).as(convened.body()).isEqualTo(201);
		long id = convened.json().path("id").asLong();
		Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/meetings/" + id + "/attendance", "{\"attend\": true, \"attendee\": \"孙丽娟（信息联络员）\"}");
		Api.at(port).as("weidong.liaison", PASSWORD).post("/api/v1/meetings/" + id + "/attendance",
				"{\"attend\": false, \"reason\": \"当日有安全生产大检查\"}");
		// the meeting is held: it began a few minutes ago
		jdbc.sql("update meeting set reply_due_at = ?, starts_at = ? where id = ?")
			.params(java.time.OffsetDateTime.now().minusMinutes(10), java.time.OffsetDateTime.now().minusMinutes(5), id)
			.update();

		JsonNode after = city.get("/api/v1/evaluations/" + year).json();
		assertAttendance(before, after, "410402", 1.0);
		assertAttendance(before, after, "410403", 0.5);
		assertAttendance(before, after, "410404", 0.0);
	}

	private static void assertAttendance(JsonNode before, JsonNode after, String bureau, double credit) {
		JsonNode was = indicator(bureau(before, bureau), "attendance");
		JsonNode is = indicator(bureau(after, bureau), "attendance");
		assertThat(is.path("counted").asLong()).as(bureau).isEqualTo(was.path("counted").asLong() + 1);
		assertThat(is.path("achieved").asDouble()).as(bureau).isEqualTo(was.path("achieved").asDouble() + credit);
	}

	@Test
	void a_running_year_is_provisional_and_its_report_waits_for_the_year_to_end() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		int year = java.time.LocalDate.now(BEIJING).getYear();
		JsonNode running = city.get("/api/v1/evaluations/" + year).json();
		assertThat(running.path("provisional").asBoolean()).isTrue();
		Reply early = city.post("/api/v1/evaluations/" + year + "/report", "{}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.detail()).contains("尚未结束");
		Reply future = city.get("/api/v1/evaluations/" + (year + 2));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.detail()).contains("尚未开始");
	}

	@Test
	void the_ended_years_report_is_issued_once_by_the_city_and_the_ranking_exports_as_excel() throws Exception {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		Api county = Api.at(port).as("weidong.enforcer", PASSWORD);
		assertThat(county.post("/api/v1/evaluations/2024/report", "{}").status()).isEqualTo(403);
		JsonNode issued = city.post("/api/v1/evaluations/2024/report", "{}").json();
		long document = issued.path("reportDocumentId").asLong();
		assertThat(document).isPositive();
		Reply again = city.post("/api/v1/evaluations/2024/report", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.detail()).contains("已印发");
		byte[] pdf = county.getBytes("/api/v1/documents/" + document + ".pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the bureaus receive the report")
			.isEqualTo("%PDF-");

		byte[] excel = city.getBytes("/api/v1/evaluations/2024/export.xlsx");
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
			Sheet ranking = book.getSheet("考评结果");
			assertThat(ranking.getRow(0).getCell(0).getStringCellValue()).contains("2024 年度");
			assertThat(ranking.getRow(1).getCell(1).getStringCellValue()).isEqualTo("单位");
			assertThat(ranking.getLastRowNum()).isEqualTo(11);
			// a line per bureau and indicator: ten bureaus, ten indicators (attendance since issue 21, joint operations since issue 22)
			assertThat(book.getSheet("计分明细").getLastRowNum()).isEqualTo(10 * 10);
		}
	}

	private long obligation(String owner, LocalDateTime due, LocalDateTime settled) {
		long subject = SUBJECTS.incrementAndGet();
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new ObligationDue("assistance-request", subject, "考评测试 " + subject, "答复协查请求", owner,
					due.atZone(BEIJING).toInstant(), "/assistance/" + subject));
			events.publishEvent(new ObligationSettled("assistance-request", subject, "答复协查请求", owner,
					settled.atZone(BEIJING).toInstant(), true));
		});
		return subject;
	}

	private static JsonNode bureau(JsonNode evaluation, String code) {
		for (JsonNode score : evaluation.path("ranking")) {
			if (score.path("agencyCode").asString().equals(code)) {
				return score;
			}
		}
		throw new AssertionError("no bureau " + code);
	}

	private static JsonNode indicator(JsonNode bureau, String key) {
		for (JsonNode line : bureau.path("indicators")) {
			if (line.path("indicator").asString().equals(key)) {
				return line;
			}
		}
		throw new AssertionError("no indicator " + key);
	}
}
