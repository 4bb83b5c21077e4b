package org.liandong.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liandong.platform.MissedDeadline;
import org.liandong.platform.ObligationDue;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.liandong.support.ObligationEvents.Key;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * R7.1: information sharing opens and ends each obligation of a bureau in oversight's ledger, in the
 * transaction of the change, under the name its missed deadline is published with: a period's
 * report, the acknowledgement of a bulletin.
 */
@LiandongIntegrationTest
class SharingObligationsIT {

	static final String REPORT = "报送报告";
	static final String ACKNOWLEDGE = "签收快报";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents ledger;

	@AfterEach
	void everything_was_published_in_a_transaction() {
		assertThat(ledger.outsideTransactions()).isEmpty();
	}

	@Test
	void every_bureau_owes_the_periods_report_met_by_its_first_submission_and_missed_under_the_same_name() {
		long schedule = schedule("月度执法统计");
		List<JsonNode> owed = owed(schedule);
		assertThat(owed).hasSizeGreaterThanOrEqualTo(10);
		for (JsonNode report : owed) {
			long id = report.path("id").asLong();
			assertThat(ledger.dues("report", id)).containsExactly(new ObligationDue("report", id,
					"月度执法统计（%s）".formatted(report.path("periodKey").asString()), REPORT,
					report.path("agencyCode").asString(), Instant.parse(report.path("dueAt").asString()), "/reports"));
		}

		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		long xinhuaOwes = owedBy(owed, "410402");
		assertThat(xinhua.post("/api/v1/reports", SharingIT.submission(xinhuaOwes)).status()).isEqualTo(201);
		assertThat(ledger.settlements("report", xinhuaOwes)).singleElement().satisfies(settled -> {
			assertThat(Key.of(settled)).isEqualTo(new Key("report", xinhuaOwes, REPORT, "410402"));
			assertThat(settled.met()).isTrue();
		});
		assertThat(xinhua.post("/api/v1/reports", SharingIT.submission(xinhuaOwes)).json().path("revision").asInt())
			.isEqualTo(2);
		assertThat(ledger.settlements("report", xinhuaOwes)).as("a revision meets nothing new").hasSize(1);

		long weidongOwes = owedBy(owed, "410403");
		jdbc.sql("update report_obligation set due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(1),
				weidongOwes).update();
		MissedDeadline missed = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("report", weidongOwes), misses -> !misses.isEmpty()).get(0);
		ObligationDue due = ledger.dues("report", weidongOwes).get(0);
		assertThat(Key.of(missed)).isEqualTo(Key.of(due));
		assertThat(missed.subjectName()).isEqualTo(due.subjectName());
	}

	@Test
	void a_report_the_scan_opens_is_owed_once_however_often_it_scans() {
		long schedule = schedule("安全生产执法季度分析");
		jdbc.sql("delete from report_obligation where schedule_id = ? and agency = '410404'").param(schedule).update();
		JsonNode reopened = await().atMost(Duration.ofSeconds(15))
			.until(() -> owed(schedule).stream().filter(r -> r.path("agencyCode").asString().equals("410404")).toList(),
					found -> !found.isEmpty())
			.get(0);
		long id = reopened.path("id").asLong();
		// a few more scans find the period open for every bureau
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(ledger.dues("report", id)).singleElement().satisfies(due -> {
			assertThat(due.ownerAgencyCode()).isEqualTo("410404");
			assertThat(due.subjectName()).isEqualTo("安全生产执法季度分析（%s）".formatted(reopened.path("periodKey").asString()));
		});
		for (JsonNode report : owed(schedule)) {
			assertThat(ledger.dues("report", report.path("id").asLong())).hasSize(1);
		}
	}

	@Test
	void every_recipient_owes_the_acknowledgement_of_a_bulletin_and_a_miss_names_it_alike() {
		Reply sent = Api.at(port).as("xinhua.liaison", PASSWORD).post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏\", \"body\": \"今日 10 时许发生少量泄漏，无人员伤亡，请各地排查同类企业。\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long id = sent.json().path("id").asLong();
		List<String> recipients = sent.json().path("acknowledgements").findValuesAsString("agencyCode");
		Instant ackDue = Instant.parse(sent.json().path("ackDueAt").asString());
		assertThat(ledger.dues("bulletin", id)).extracting(ObligationDue::ownerAgencyCode)
			.containsExactlyInAnyOrderElementsOf(recipients);
		assertThat(ledger.dues("bulletin", id)).allSatisfy(due -> {
			assertThat(due.obligation()).isEqualTo(ACKNOWLEDGE);
			assertThat(due.subjectName()).isEqualTo("新华区某化工企业发生泄漏");
			assertThat(due.dueAt()).as("the due instant as stored").isEqualTo(ackDue);
			assertThat(due.link()).isEqualTo("/bulletins/" + id);
		});

		Reply acknowledged = Api.at(port).as("weidong.liaison", PASSWORD).post("/api/v1/bulletins/" + id
				+ "/acknowledgement", "");
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
		assertThat(ledger.settlements("bulletin", id)).singleElement().satisfies(settled -> {
			assertThat(Key.of(settled)).isEqualTo(new Key("bulletin", id, ACKNOWLEDGE, "410403"));
			assertThat(settled.met()).isTrue();
		});

		jdbc.sql("update bulletin set ack_due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(1), id).update();
		List<MissedDeadline> misses = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("bulletin", id), missed -> missed.size() == recipients.size() - 1);
		assertThat(misses).extracting(Key::of).containsExactlyInAnyOrderElementsOf(ledger.dues("bulletin", id).stream()
			.map(Key::of).filter(key -> !key.ownerAgencyCode().equals("410403")).toList());
	}

	long schedule(String title) {
		Reply defined = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/reports/schedules",
				"{\"title\": \"%s\", \"frequency\": \"MONTHLY\", \"dueDay\": 10}".formatted(title));
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		return defined.json().path("id").asLong();
	}

	/** Every bureau's expected report of the schedule, as the city bureau sees them. */
	List<JsonNode> owed(long schedule) {
		List<JsonNode> owed = new ArrayList<>();
		Api.at(port).as("city.detachment", PASSWORD).get("/api/v1/reports/obligations?size=100&scheduleId=" + schedule)
			.json().path("content").forEach(owed::add);
		return owed;
	}

	static long owedBy(List<JsonNode> owed, String agency) {
		return owed.stream().filter(r -> r.path("agencyCode").asString().equals(agency)).findFirst().orElseThrow()
			.path("id").asLong();
	}
}
