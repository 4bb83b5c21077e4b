package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.liandong.platform.DomainException;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** X3: document numbers and PDFs in the layout of GB/T 9704-2012, read back as a recipient would. */
@LiandongIntegrationTest
class OfficialDocumentsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	Documents documents;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_assistance_letter_is_an_a4_pdf_with_number_title_addressee_page_numbers_and_embedded_fonts() throws IOException {
		JsonNode sent = sentRequest("410402", "410403", "1. 核实该企业仓库情况；2. 调取出入库记录。");
		long letterId = sent.path("letters").get(0).path("documentId").asLong();

		byte[] pdf = download("weidong.enforcer", "/api/v1/documents/" + letterId + ".pdf", 200);
		keep("assistance-letter.pdf", pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).as("the issuer's mark on one line").contains("平顶山市新华区应急管理局\n");
			assertThat(text).contains(sent.path("number").asString(),
					"关于商请协助调查", "平顶山市卫东区应急管理局：", "核实该企业仓库情况", "— 1 —");
			PDRectangle size = document.getPage(0).getMediaBox();
			assertThat(size.getWidth()).as("A4 width in points").isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
			assertThat(size.getHeight()).as("A4 height in points").isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
			assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
				.as(font.getName() + " is embedded").isTrue());
			assertThat(document.getDocumentInformation().getSubject()).isEqualTo(sent.path("number").asString());
		}
		download("zhanhe.enforcer", "/api/v1/documents/" + letterId + ".pdf", 404);
		download("city.leader", "/api/v1/documents/" + letterId + ".pdf", 200);
	}

	@Test
	void a_very_long_request_runs_over_several_numbered_pages_and_rare_characters_do_not_break_the_file()
			throws IOException {
		String matters = "核实该企业在各县区的仓库、车间和人员情况，逐项列明。".repeat(150) + "另：𠀀𪚥😀 ABC α β ①②③";
		JsonNode sent = sentRequest("410402", "410411", matters);
		long letterId = sent.path("letters").get(0).path("documentId").asLong();
		byte[] pdf = download("xinhua.enforcer", "/api/v1/documents/" + letterId + ".pdf", 200);
		keep("long-assistance-letter.pdf", pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("— 2 —", "— 3 —", "联系人：", "ABC");
		}
	}

	@Test
	void two_letters_sent_at_the_same_instant_never_share_a_number_and_leave_no_gap() throws Exception {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long caseId = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
			drafts.add(draft(xinhua, caseId, "410404", "核实情况").path("id").asLong());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<Reply>> replies = new ArrayList<>();
		for (long id : drafts) {
			replies.add(pool.submit(() -> {
				start.await();
				return xinhua.post("/api/v1/assistance-requests/" + id + "/send", "{}");
			}));
		}
		start.countDown();
		List<Integer> seqs = new ArrayList<>();
		for (Future<Reply> reply : replies) {
			Reply r = reply.get();
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			Matcher number = Pattern.compile("新华应急协〔\\d{4}〕(\\d+)号").matcher(r.json().path("number").asString());
			assertThat(number.matches()).isTrue();
			seqs.add(Integer.parseInt(number.group(1)));
		}
		pool.shutdown();
		assertThat(seqs).doesNotHaveDuplicates();
		assertThat(seqs.stream().mapToInt(Integer::intValue).max().getAsInt()
				- seqs.stream().mapToInt(Integer::intValue).min().getAsInt()).as("consecutive").isEqualTo(5);
	}

	@Test
	void a_document_missing_a_field_is_refused_before_a_number_is_taken() {
		int before = jdbc.sql("select count(*) from official_document").query(Integer.class).single();
		Map<String, String> fields = new HashMap<>();
		fields.put("addressee", "平顶山市卫东区应急管理局");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> documents.issue(new NewDocument(
				DocumentKind.DISPATCH_NOTICE, "410400", fields, List.of("410403"), "test", "1", "system", "系统"))))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("缺少内容“caseNumber”");
		assertThat(jdbc.sql("select count(*) from official_document").query(Integer.class).single()).isEqualTo(before);
	}

	/** A 主送 line longer than the record keeps is refused in words, before a number is taken (not a database conflict). */
	@Test
	void a_document_addressed_to_more_than_its_line_holds_is_refused_before_a_number_is_taken() {
		int before = jdbc.sql("select count(*) from official_document").query(Integer.class).single();
		Map<String, String> fields = new HashMap<>(Map.of("addressee", "平顶山市某某区应急管理局、".repeat(40), "title", "快报",
				"body", "请排查。", "acknowledgeBy", "2026年12月6日"));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> documents.issue(new NewDocument(
				DocumentKind.INCIDENT_BULLETIN, "410400", fields, List.of("410403"), "test", "2", "system", "系统"))))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("主送单位过多");
		assertThat(jdbc.sql("select count(*) from official_document").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void a_case_notification_is_issued_as_a_document_the_notified_bureau_can_download() throws IOException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		long id = kase.path("id").asLong();
		assertThat(xinhua.post("/api/v1/cases/" + id + "/notifications",
				"{\"recipientCodes\": [\"410425\"], \"message\": \"请关注该企业在郏县的分支机构。\"}").status()).isEqualTo(201);
		JsonNode notified = Api.at(port).as("jiaxian.enforcer", PASSWORD).get("/api/v1/cases/" + id).json();
		JsonNode document = notified.path("documents").get(0);
		assertThat(document.path("number").asString()).matches("新华应急通〔\\d{4}〕\\d+号");
		byte[] pdf = download("jiaxian.enforcer", "/api/v1/documents/" + document.path("id").asLong() + ".pdf", 200);
		try (PDDocument read = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(read)).contains("案件通报", "郏县应急管理局：",
					kase.path("number").asString(), "附言：请关注该企业在郏县的分支机构。");
		}
	}

	JsonNode sentRequest(String from, String to, String matters) {
		Api requester = Api.at(port).as(from.equals("410402") ? "xinhua.enforcer" : "weidong.enforcer", PASSWORD);
		long caseId = Fixtures.enterpriseCase(requester, from, "COUNTY").path("id").asLong();
		long id = draft(requester, caseId, to, matters).path("id").asLong();
		Reply sent = requester.post("/api/v1/assistance-requests/" + id + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json();
	}

	static JsonNode draft(Api requester, long caseId, String to, String matters) {
		Reply created = requester.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "%s", "matters": "%s",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}"""
			.formatted(caseId, to, matters, LocalDate.now(BEIJING).plusDays(30)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	byte[] download(String username, String path, int expectedStatus) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path + " as " + username).isEqualTo(expectedStatus);
			if (expectedStatus == 200) {
				assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
			}
			return response.body();
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Keeps a generated PDF as a build artefact, for a person to look at. */
	static void keep(String name, byte[] pdf) throws IOException {
		java.nio.file.Path folder = java.nio.file.Path.of("target", "documents");
		java.nio.file.Files.createDirectories(folder);
		java.nio.file.Files.write(folder.resolve(name), pdf);
	}

	static List<PDFont> fonts(PDDocument document) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}
}
