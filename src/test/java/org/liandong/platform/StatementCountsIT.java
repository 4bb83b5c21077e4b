package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.StatementCounts;
import org.liandong.support.StatementCounts.Counted;
import org.liandong.support.StatementCounts.Tally;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18, P2a: what each API call costs the database, counted statement by statement (a JDBC
 * proxy around the application's DataSource, {@link StatementCounts}). The counts are deterministic,
 * so each step's count is asserted as an upper bound and a regression fails the build; the breakdown
 * by statement is printed. Counted after one lifecycle has run, as a client that keeps working sees
 * it: its credentials already verified once.
 * <ul>
 * <li>One assistance request's lifecycle over HTTP (create, send, accept, answer, confirm; R2.4),
 * the asynchronous reactions to it included. Target: at most 60 statements in at most 10
 * transactions, authentication included.</li>
 * <li>A credit check by code (R4.3). Target: at most 3 statements beyond the check itself (the
 * person's rate limit, the search of the list, the record of the check).</li>
 * </ul>
 * Each step is also bounded by the count it reached ({@link #REACHED}), so that nothing grows back.
 */
@LiandongIntegrationTest
class StatementCountsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	record Bound(int statements, int transactions) {
	}

	/** Targets of issue 18 (P2a) for the whole lifecycle. */
	static final Bound LIFECYCLE_TARGET = new Bound(60, 10);

	static final int READ_OVERHEAD_TARGET = 3;

	/**
	 * What each step costs now, on H2 and on PostgreSQL alike: each step's bound, so that nothing grows
	 * back, and together the lifecycle's target. The answer issues the 协助调查复函 since issue 21 (its number,
	 * record, signature and readers); since issue 23 every stage of the letter is a signed evidence. A
	 * step's audit records are one insert into {@code audit_pending}, chained after the commit by the
	 * instance's chainer (not counted here: four statements a chaining, however many transactions it
	 * takes, AuditChainerIT); a transaction's timeline entries and a letter's evidences one insert each,
	 * as it commits; a document number one statement. The issuers' prefixes, the current signing keys
	 * and the agreements in force are held in memory as reference data, a new draft's view is made from
	 * what its drafting holds, a sending clears no overdue marks a draft cannot have, and a first sending's
	 * view shows its letter as issued, without reading it back. An obligation's first round is one
	 * insert, and a bureau's full access to a case an insert where it had none; an obligation whose page
	 * the module names is settled by one update, not read first; a request's attachments are read only
	 * where it counts any; a case is read with its participants in one statement.
	 */
	static final Map<String, Bound> REACHED = Map.of("create", new Bound(4, 1), "send", new Bound(16, 1), "accept",
			new Bound(12, 1), "answer", new Bound(15, 1), "confirm", new Bound(10, 1));

	@LocalServerPort
	int port;

	@Autowired
	StatementCounts counts;

	Api xinhua;
	Api weidong;

	@BeforeEach
	void connect() {
		xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
	}

	@Test
	void one_assistance_lifecycle_over_http_costs_no_more_statements_and_transactions_than_counted() {
		lifecycle(null);
		Map<String, Tally> steps = new LinkedHashMap<>();
		lifecycle(steps);

		int statements = steps.values().stream().mapToInt(Tally::statements).sum();
		int transactions = steps.values().stream().mapToInt(Tally::transactions).sum();
		StringBuilder report = new StringBuilder(
				"One assistance lifecycle over HTTP: %d statements, %d transactions (target: at most %d and %d)%n"
					.formatted(statements, transactions, LIFECYCLE_TARGET.statements(), LIFECYCLE_TARGET.transactions()));
		steps.forEach((step, tally) -> report.append("-- ").append(step).append(": ").append(tally.describe()));
		System.out.println(report);

		steps.forEach((step, tally) -> {
			// the audit records are written pending; no business transaction waits for the chain head
			assertThat(tally.bySql().keySet()).as(step + "\n" + report).noneMatch(sql -> sql.contains("audit_chain_head"));
			Bound bound = REACHED.get(step);
			assertThat(tally.statements()).as(step + "\n" + report).isLessThanOrEqualTo(bound.statements());
			assertThat(tally.transactions()).as(step + "\n" + report).isLessThanOrEqualTo(bound.transactions());
		});
		assertThat(statements).as(report.toString())
			.isLessThanOrEqualTo(LIFECYCLE_TARGET.statements());
		assertThat(transactions).as(report.toString())
			.isLessThanOrEqualTo(LIFECYCLE_TARGET.transactions());
	}

	@Test
	void a_credit_check_costs_at_most_3_statements_beyond_the_check_itself() {
		String uscc = Fixtures.uscc("410402");
		check(uscc);
		Counted<Reply> counted = counts.count(() -> check(uscc));
		Tally tally = counted.tally();
		int overhead = tally.bySql().entrySet().stream()
			.filter(entry -> !partOfTheCheck(entry.getKey()))
			.mapToInt(Map.Entry::getValue)
			.sum();
		String report = "A credit check over HTTP: %d statements beyond the check itself (target: at most %d); %s"
			.formatted(overhead, READ_OVERHEAD_TARGET, tally.describe());
		System.out.println(report);

		assertThat(overhead).as(report).isLessThanOrEqualTo(READ_OVERHEAD_TARGET);
		// the search, the check's record and the person's count are one transaction, one update of the bucket
		assertThat(tally.transactions()).as(report).isEqualTo(1);
		assertThat(tally.bySql().entrySet().stream()
			.filter(entry -> entry.getKey().contains("rate_limit"))
			.mapToInt(Map.Entry::getValue)
			.sum()).as(report).isEqualTo(1);
	}

	/**
	 * A list's page costs the same reads whatever the number of its rows: the bulletins of a page, their
	 * acknowledgements and their documents are read once for the page, not once per bulletin (issue 18).
	 */
	@Test
	void a_page_of_five_bulletins_costs_no_more_statements_than_a_page_of_one() {
		Api liaison = Api.at(port).as("xinhua.liaison", PASSWORD);
		for (int i = 0; i < 5; i++) {
			Reply sent = liaison.post("/api/v1/bulletins", "{\"title\": \"列表读取计数快报 %d\", \"body\": \"请排查。\"}"
				.formatted(i));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		}
		Api reader = Api.at(port).as("weidong.liaison", PASSWORD);
		assertThat(reader.get("/api/v1/bulletins?size=1").status()).isEqualTo(200);
		Tally one = counts.count(() -> reader.get("/api/v1/bulletins?size=1")).tally();
		Counted<Reply> five = counts.count(() -> reader.get("/api/v1/bulletins?size=5"));
		assertThat(five.result().json().path("content").size()).isEqualTo(5);
		String report = "A page of bulletins over HTTP: %d statements for one row (%s), %d for five (%s)".formatted(
				one.statements(), one.describe(), five.tally().statements(), five.tally().describe());
		System.out.println(report);

		assertThat(five.tally().statements()).as(report).isEqualTo(one.statements());
	}

	/** The check's own work (R4.3): the person's rate limit, the list searched, the check recorded (R4.4). */
	private static boolean partOfTheCheck(String sql) {
		return sql.contains("credit_entry") || sql.contains("credit_check") || sql.contains("rate_limit");
	}

	private Reply check(String uscc) {
		Reply check = xinhua.get("/api/v1/credit/checks?uscc=" + uscc);
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		return check;
	}

	/** Create, send, accept, answer, confirm; each step counted into {@code steps} unless null. */
	private void lifecycle(Map<String, Tally> steps) {
		long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		JsonNode draft = step(steps, "create", () -> xinhua.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "410403", "matters": "核实该企业在贵辖区的经营场所。",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}"""
			.formatted(caseId, LocalDate.now(BEIJING).plusDays(30))), 201);
		String path = "/api/v1/assistance-requests/" + draft.path("id").asLong() + "/";
		JsonNode sent = step(steps, "send", () -> xinhua.post(path + "send", version(draft)), 200);
		JsonNode accepted = step(steps, "accept", () -> weidong.post(path + "accept", version(sent)), 200);
		JsonNode answered = step(steps, "answer", () -> weidong.post(path + "answer",
				"{\"version\": %d, \"text\": \"经核查，该企业在卫东区的经营场所于2026年3月停业。\"}"
					.formatted(accepted.path("version").asLong())), 200);
		JsonNode confirmed = step(steps, "confirm", () -> xinhua.post(path + "confirm", version(answered)), 200);
		assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
	}

	private JsonNode step(Map<String, Tally> steps, String name, java.util.function.Supplier<Reply> call, int status) {
		Reply reply;
		if (steps == null) {
			reply = call.get();
		}
		else {
			Counted<Reply> counted = counts.count(call);
			steps.put(name, counted.tally());
			reply = counted.result();
		}
		assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(status);
		return reply.json();
	}

	private static String version(JsonNode request) {
		return "{\"version\": %d}".formatted(request.path("version").asLong());
	}
}
