package org.liandong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

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

/**
 * Every sensitive read leaves an audit record (X1, issue 19): a letter downloaded as PDF, evidence
 * or an agreement's annex downloaded, a dishonesty-list entry read while it is not on the public
 * list, a screening's result and the evaluation exported. Each through the API as a person would,
 * the record looked for in the audit table with the reader as actor.
 */
@LiandongIntegrationTest
class SensitiveReadsIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void downloading_a_letter_as_pdf_is_audited() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		JsonNode sent = sentRequest(xinhua);
		long letter = sent.path("letters").get(0).path("documentId").asLong();
		long before = records("DOCUMENT_DOWNLOADED", "weidong.enforcer", sent.path("number").asString());

		byte[] pdf = Api.at(port).as("weidong.enforcer", PASSWORD).getBytes("/api/v1/documents/" + letter + ".pdf");

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(records("DOCUMENT_DOWNLOADED", "weidong.enforcer", sent.path("number").asString()))
			.isEqualTo(before + 1);
	}

	@Test
	void downloading_request_material_is_audited() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		long id = draft.path("id").asLong();
		JsonNode material = xinhua.upload("/api/v1/assistance-requests/" + id + "/attachments", "现场检查记录.pdf",
				"application/pdf", "%PDF-1.4\n现场检查记录\n%%EOF\n".getBytes(StandardCharsets.UTF_8)).json();
		JsonNode sent = xinhua.post("/api/v1/assistance-requests/" + id + "/send",
				"{\"version\": %d}".formatted(draft.path("version").asLong())).json();

		Reply download = Api.at(port).as("weidong.enforcer", PASSWORD)
			.get("/api/v1/assistance-requests/" + id + "/attachments/" + material.path("id").asLong());

		assertThat(download.status()).isEqualTo(200);
		assertThat(records("EVIDENCE_DOWNLOADED", "weidong.enforcer", sent.path("number").asString())).isEqualTo(1);
	}

	@Test
	void downloading_an_agreements_annex_is_audited() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Reply drafted = lushan.post("/api/v1/instruments", """
				{"kind": "AGREEMENT", "title": "%s", "scope": "双方辖区内安全生产行政执法",
				 "text": "第一条 双方互相协助调查。", "partyCodes": ["410425"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s", "acceptWorkingDays": 2, "answerWorkingDays": 10}"""
			.formatted(Fixtures.unique("鲁山郏县协查协议"), LocalDate.now(BEIJING).minusDays(1),
					LocalDate.now(BEIJING).plusYears(2)));
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		long id = drafted.json().path("id").asLong();
		JsonNode attached = lushan.upload("/api/v1/instruments/" + id + "/attachments", "附件一.pdf", "application/pdf",
				"%PDF-1.4\n附件一：联络人名单\n%%EOF\n".getBytes(StandardCharsets.UTF_8)).json();

		Reply download = Api.at(port).as("jiaxian.enforcer", PASSWORD)
			.get("/api/v1/instruments/" + id + "/attachments/" + attached.path("attachments").get(0).path("id").asLong());

		assertThat(download.status()).isEqualTo(200);
		assertThat(records("INSTRUMENT_ATTACHMENT_DOWNLOADED", "jiaxian.enforcer", "#" + id)).isEqualTo(1);
	}

	@Test
	void reading_an_entry_in_its_defence_period_is_audited_and_one_on_the_public_list_is_not() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		String uscc = kase.path("party").path("uscc").asString();
		Reply proposed = xinhua.post("/api/v1/credit/entries", Fixtures.listingProposal(kase.path("id").asLong()));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		long id = proposed.json().path("id").asLong();

		assertThat(legal.get("/api/v1/credit/entries/" + id).status()).isEqualTo(200);
		assertThat(records("CREDIT_ENTRY_READ", "city.legal", uscc)).as("in the defence period").isEqualTo(1);

		legal.post("/api/v1/credit/entries/" + id + "/defence", "{\"statement\": \"无异议\"}");
		legal.post("/api/v1/credit/entries/" + id + "/decision", "{\"list\": true, \"reason\": \"事实清楚\"}");
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/credit/entries/" + id).status())
			.isEqualTo(200);
		assertThat(records("CREDIT_ENTRY_READ", "zhanhe.enforcer", uscc)).as("on the public list").isZero();
	}

	@Test
	void downloading_a_screening_result_is_audited() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		String csv = "\uFEFF名称,统一社会信用代码\n乙公司," + Fixtures.uscc("410403") + "\n";
		Reply started = xinhua.upload("/api/v1/credit/screenings", "名单.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long screening = started.json().path("id").asLong();
		await().atMost(Duration.ofSeconds(10)).until(
				() -> xinhua.get("/api/v1/credit/screenings/" + screening).json().path("state").asString(), "DONE"::equals);

		assertThat(xinhua.get("/api/v1/credit/screenings/" + screening + "/result").status()).isEqualTo(200);
		assertThat(records("SCREENING_RESULT_DOWNLOADED", "xinhua.enforcer", "#" + screening)).isEqualTo(1);
	}

	@Test
	void exporting_the_evaluation_is_audited() {
		Api city = Api.at(port).as("city.leader", PASSWORD);
		long before = records("EVALUATION_EXPORTED", "city.leader", "410400:2025");

		assertThat(city.get("/api/v1/evaluations/2025/export.xlsx").status()).isEqualTo(200);
		assertThat(records("EVALUATION_EXPORTED", "city.leader", "410400:2025")).isEqualTo(before + 1);
	}

	private long records(String action, String actor, String objectId) {
		Audited.chained();
		return jdbc.sql("select count(*) from audit_record where action = ? and actor = ? and object_id = ?")
			.params(action, actor, objectId)
			.query(Long.class)
			.single();
	}

	private JsonNode sentRequest(Api requester) {
		JsonNode draft = Fixtures.draftRequest(requester, "410403");
		Reply sent = requester.post("/api/v1/assistance-requests/" + draft.path("id").asLong() + "/send",
				"{\"version\": %d}".formatted(draft.path("version").asLong()));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json();
	}
}
