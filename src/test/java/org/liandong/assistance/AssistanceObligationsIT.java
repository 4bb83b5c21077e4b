package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.platform.MissedDeadline;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.ObligationEvents;
import org.liandong.support.ObligationEvents.Key;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * R7.1: the assistance mechanism opens and ends each obligation of a bureau in oversight's ledger,
 * in the transaction of the change, under the name its missed deadline is published with: accepting
 * or returning a request, answering it (again after a supplement request), acting on a dispatch,
 * reporting a designated task.
 */
@LiandongIntegrationTest
class AssistanceObligationsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String ACCEPT = "受理或退回协查请求";
	static final String ANSWER = "答复协查请求";
	static final String CONFIRM = "确认协查答复";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationEvents ledger;

	Api xinhua;
	Api weidong;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
	}

	@AfterEach
	void everything_was_published_in_a_transaction() {
		assertThat(ledger.outsideTransactions()).isEmpty();
	}

	@Test
	void a_sent_request_owes_acceptance_then_the_answer_and_a_supplement_request_owes_the_answer_again() {
		long id = draft("410403");
		JsonNode sent = act(xinhua, id, "send", "{}");
		String number = sent.path("number").asString();
		assertThat(ledger.dues("assistance-request", id)).singleElement().isEqualTo(new ObligationDue(
				"assistance-request", id, number, ACCEPT, "410403", instant(sent, "acceptDueAt"), "/assistance/" + id));

		JsonNode accepted = act(weidong, id, "accept", "{}");
		Instant answerDue = instant(accepted, "answerDueAt");
		assertThat(ledger.settlements("assistance-request", id)).singleElement()
			.satisfies(settled -> assertMet(settled, ACCEPT, "410403"));
		assertThat(ledger.dues("assistance-request", id)).last().isEqualTo(new ObligationDue("assistance-request", id,
				number, ANSWER, "410403", answerDue, "/assistance/" + id));

		act(weidong, id, "answer", "{\"text\": \"经核查，该企业在卫东区的经营场所于2026年3月停业。\"}");
		assertThat(ledger.settlements("assistance-request", id)).last()
			.satisfies(settled -> assertMet(settled, ANSWER, "410403"));

		LocalDate later = LocalDate.now(BEIJING).plusDays(40);
		act(xinhua, id, "request-supplement", "{\"text\": \"请补充停业的证明材料。\", \"answerBy\": \"%s\"}".formatted(later));
		assertThat(ledger.dues("assistance-request", id)).last()
			.as("the answer is owed again, by the new date")
			.isEqualTo(new ObligationDue("assistance-request", id, number, ANSWER, "410403", endOf(later),
					"/assistance/" + id));
		act(weidong, id, "answer", "{\"text\": \"已补充市场监管部门出具的停业证明。\"}");
		act(xinhua, id, "confirm", "{}");
		assertThat(ledger.dues("assistance-request", id)).extracting(ObligationDue::obligation)
			.containsExactly(ACCEPT, ANSWER, CONFIRM, ANSWER, CONFIRM);
		assertThat(ledger.settlements("assistance-request", id)).extracting(ObligationSettled::obligation)
			.as("an answer waits for the requester, who confirms it or asks for more (issue 21)")
			.containsExactly(ACCEPT, ANSWER, CONFIRM, ANSWER, CONFIRM);
		assertThat(ledger.dues("assistance-request", id)).filteredOn(due -> due.obligation().equals(CONFIRM))
			.extracting(ObligationDue::ownerAgencyCode).containsOnly("410402");
	}

	@Test
	void a_return_meets_the_acceptance_with_its_reason_and_a_withdrawal_ends_it_unmet() {
		long id = draft("410404");
		String first = act(xinhua, id, "send", "{}").path("number").asString();
		Api shilong = Api.at(port).as("shilong.enforcer", PASSWORD);
		act(shilong, id, "return", "{\"reason\": \"NOT_COMPETENT\", \"text\": \"该企业经营场所在湛河区，不属本局管辖。\"}");
		assertThat(ledger.settlements("assistance-request", id)).singleElement()
			.as("a return is a lawful response to the request")
			.satisfies(settled -> assertMet(settled, ACCEPT, "410404"));
		assertThat(ledger.moves(id)).filteredOn(moved -> moved.action() == RequestAction.RETURN).singleElement()
			.extracting(AssistanceRequestTransitioned::returnReason).isEqualTo(ReturnReason.NOT_COMPETENT);
		assertThat(ledger.moves(id)).filteredOn(moved -> moved.action() != RequestAction.RETURN)
			.extracting(AssistanceRequestTransitioned::returnReason).containsOnlyNulls();

		JsonNode resent = act(xinhua, id, "send", "{}");
		assertThat(ledger.dues("assistance-request", id)).extracting(ObligationDue::subjectName)
			.as("sent again under a new letter, owed again").containsExactly(first, resent.path("number").asString());
		act(xinhua, id, "withdraw", "{\"text\": \"当事人已主动整改，不再需要协查。\"}");
		assertThat(ledger.settlements("assistance-request", id)).last().satisfies(settled -> {
			assertThat(Key.of(settled)).isEqualTo(new Key("assistance-request", id, ACCEPT, "410404"));
			assertThat(settled.met()).as("no longer owed").isFalse();
		});
	}

	@Test
	void a_missed_acceptance_is_published_under_the_name_its_obligation_was_opened_with() {
		long id = draft("410421");
		act(xinhua, id, "send", "{}");
		jdbc.sql("update assistance_request set accept_due_at = ? where id = ?")
			.params(OffsetDateTime.now().minusHours(1), id).update();
		MissedDeadline missed = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("assistance-request", id), misses -> !misses.isEmpty()).get(0);
		ObligationDue due = ledger.dues("assistance-request", id).get(0);
		assertThat(Key.of(missed)).isEqualTo(Key.of(due));
		assertThat(missed.subjectName()).isEqualTo(due.subjectName());
	}

	@Test
	void a_dispatch_is_owed_by_its_bureau_until_it_reports_and_its_miss_names_it_alike() {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		Api detachment = Api.at(port).as("city.detachment", PASSWORD);
		LocalDate dueOn = LocalDate.now(BEIJING).plusDays(7);
		Reply issued = detachment.post("/api/v1/dispatches", """
				{"caseId": %d, "agencyCode": "410402", "instruction": "请于期限内完成对该企业的复查并报告整改情况。",
				 "dueOn": "%s"}""".formatted(caseId, dueOn));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		long id = issued.json().path("id").asLong();
		ObligationDue due = new ObligationDue("dispatch", id, issued.json().path("number").asString(), "办理督办事项",
				"410402", endOf(dueOn), "/dispatches/" + id);
		assertThat(ledger.dues("dispatch", id)).containsExactly(due);

		jdbc.sql("update dispatch set due_at = ? where id = ?").params(OffsetDateTime.now().minusMinutes(5), id).update();
		MissedDeadline missed = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("dispatch", id), misses -> !misses.isEmpty()).get(0);
		assertThat(Key.of(missed)).isEqualTo(Key.of(due));

		Reply reported = xinhua.post("/api/v1/dispatches/" + id + "/report", "{\"report\": \"已复查，企业已完成整改。\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(200);
		assertThat(ledger.settlements("dispatch", id)).singleElement()
			.satisfies(settled -> assertMet(settled, "办理督办事项", "410402"));
		assertThat(detachment.post("/api/v1/dispatches/" + id + "/close", "{}").status()).isEqualTo(200);
		assertThat(ledger.settlements("dispatch", id)).as("closing owes nothing").hasSize(1);
	}

	@Test
	void each_designated_agency_owes_its_task_until_it_reports_it() {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		Reply reported = xinhua.post("/api/v1/cases/" + caseId + "/major-report",
				"{\"facts\": \"该企业储存危险化学品严重超量，涉及两个县区，社会影响较大。\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long id = reported.json().path("id").asLong();
		LocalDate leadBy = LocalDate.now(BEIJING).plusDays(20);
		LocalDate assistBy = LocalDate.now(BEIJING).plusDays(10);
		Reply designated = Api.at(port).as("city.legal", PASSWORD).post("/api/v1/major-reports/" + id + "/designation", """
				{"instructions": "请主办单位牵头调查取证，协办单位配合。",
				 "parties": [
				   {"agencyCode": "410403", "role": "LEAD", "task": "牵头调查取证、作出处理决定", "dueOn": "%s"},
				   {"agencyCode": "410402", "role": "ASSISTING", "task": "提供前期检查材料", "dueOn": "%s"}]}"""
			.formatted(leadBy, assistBy));
		assertThat(designated.status()).as(designated.body()).isEqualTo(200);
		String notice = designated.json().path("designation").path("number").asString();
		String task = "办理指定管辖任务";
		assertThat(ledger.dues("designation", id)).containsExactlyInAnyOrder(
				new ObligationDue("designation", id, notice, task, "410403", endOf(leadBy), "/major-reports/" + id),
				new ObligationDue("designation", id, notice, task, "410402", endOf(assistBy), "/major-reports/" + id));

		Reply done = weidong.post("/api/v1/major-reports/" + id + "/task-report", "{\"report\": \"已完成现场勘验和询问。\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(ledger.settlements("designation", id)).singleElement()
			.satisfies(settled -> assertMet(settled, task, "410403"));

		jdbc.sql("update designation_party set due_at = ? where agency = '410402' and designation_id = ?")
			.params(OffsetDateTime.now().minusMinutes(5), designated.json().path("designation").path("id").asLong())
			.update();
		MissedDeadline missed = await().atMost(Duration.ofSeconds(15))
			.until(() -> ledger.misses("designation", id), misses -> !misses.isEmpty()).get(0);
		assertThat(Key.of(missed)).isEqualTo(new Key("designation", id, task, "410402"));
		assertThat(missed.subjectName()).isEqualTo(notice);
	}

	static void assertMet(ObligationSettled settled, String obligation, String owner) {
		assertThat(settled.obligation()).isEqualTo(obligation);
		assertThat(settled.ownerAgencyCode()).isEqualTo(owner);
		assertThat(settled.met()).isTrue();
		assertThat(settled.settledAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
	}

	long draft(String assisting) {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		Reply created = xinhua.post("/api/v1/assistance-requests", AssistanceRequestsIT.body(caseId, assisting,
				LocalDate.now(BEIJING).plusDays(30)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	static JsonNode act(Api api, long id, String action, String body) {
		Reply reply = api.post("/api/v1/assistance-requests/" + id + "/" + action, body);
		assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	static Instant instant(JsonNode node, String field) {
		return Instant.parse(node.path(field).asString());
	}

	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(BEIJING).toInstant();
	}
}
