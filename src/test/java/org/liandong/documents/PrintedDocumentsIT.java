package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.QrCodes;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21 (X3): what a printed document tells whoever holds it. Its QR code opens the public check
 * page, which confirms the document only for the id and SM3 digest the code carries; an answer to
 * an assistance request goes out as a numbered, signed 复函, and an incident bulletin as an official
 * document of its own.
 */
@LiandongIntegrationTest
class PrintedDocumentsIT {

	@LocalServerPort
	int port;

	@Test
	void the_qr_code_on_a_letter_opens_a_public_page_that_confirms_it_only_with_its_digest() throws IOException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long id = Fixtures.sentLetter(xinhua, "410403");
		JsonNode letter = xinhua.get("/api/v1/documents/" + id).json();
		String digest = letter.path("signature").path("contentDigest").asString();

		URI link = URI.create(QrCodes.inPdf(xinhua.getBytes("/api/v1/documents/" + id + ".pdf")).get(0));
		assertThat(link.getPath()).isEqualTo("/documents/check");
		assertThat(link.getQuery()).isEqualTo("id=" + id + "&d=" + digest);

		PageSession anyone = new PageSession(port);
		String page = anyone.get("/documents/check?" + link.getQuery()).html();
		assertThat(page).as("no sign-in needed").contains("真实有效", letter.path("number").asString(),
				letter.path("title").asString(), "平顶山市新华区应急管理局", digest);

		String otherDigest = (digest.charAt(0) == 'a' ? "b" : "a") + digest.substring(1);
		for (String query : List.of("id=" + id + "&d=" + otherDigest, "id=" + id, "id=" + (id + 1) + "&d=" + digest)) {
			String refused = anyone.get("/documents/check?" + query).html();
			assertThat(refused).as(query).contains("未找到与该二维码相符的公文")
				.doesNotContain(letter.path("title").asString()).doesNotContain(letter.path("number").asString());
		}
	}

	@Test
	void each_answer_goes_to_the_requester_as_a_numbered_signed_reply_letter_a_supplements_too() throws IOException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		long request = Fixtures.draftRequest(xinhua, "410403").path("id").asLong();
		ok(xinhua.post("/api/v1/assistance-requests/" + request + "/send", "{}"));
		ok(weidong.post("/api/v1/assistance-requests/" + request + "/accept", "{}"));
		ok(weidong.post("/api/v1/assistance-requests/" + request + "/answer",
				"{\"text\": \"经核实，该企业在我区设有仓库一处，出入库记录已调取。\"}"));
		ok(xinhua.post("/api/v1/assistance-requests/" + request + "/request-supplement", "{\"text\": \"请补充仓库租赁合同。\"}"));
		JsonNode answered = ok(weidong.post("/api/v1/assistance-requests/" + request + "/answer",
				"{\"text\": \"租赁合同复印件已随附。\"}"));

		List<JsonNode> replies = new ArrayList<>();
		answered.path("letters").forEach(l -> {
			if (l.path("kindLabel").asString().equals("协助调查复函")) {
				replies.add(l);
			}
		});
		assertThat(replies).hasSize(2);
		String letterNumber = answered.path("number").asString();
		for (int i = 0; i < 2; i++) {
			long id = replies.get(i).path("documentId").asLong();
			JsonNode reply = xinhua.get("/api/v1/documents/" + id).json();
			assertThat(reply.path("number").asString()).as("the assisting bureau's number").startsWith("卫东应急复〔");
			assertThat(reply.path("addressee").asString()).isEqualTo("平顶山市新华区应急管理局");
			assertThat(reply.path("signature").path("algorithm").asString()).isEqualTo("SM3withSM2");
			try (PDDocument pdf = Loader.loadPDF(xinhua.getBytes("/api/v1/documents/" + id + ".pdf"))) {
				String words = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
				assertThat(words).contains("关于" + letterNumber + "协查事项的复函", "你局《协助调查函》（" + letterNumber + "）收悉",
						i == 0 ? "出入库记录已调取" : "租赁合同复印件已随附");
				assertThat(words.contains("第2次答复")).as("the second reply says it answers a supplement").isEqualTo(i == 1);
			}
		}
		long first = replies.get(0).path("documentId").asLong();
		assertThat(Api.at(port).as("zhanhe.enforcer", PASSWORD).get("/api/v1/documents/" + first).status())
			.as("a third bureau").isEqualTo(404);
	}

	@Test
	void an_incident_bulletin_is_an_official_document_its_recipients_can_download() throws IOException {
		Api xinhua = Api.at(port).as("xinhua.liaison", PASSWORD);
		Reply sent = xinhua.post("/api/v1/bulletins",
				"{\"title\": \"新华区某化工企业发生泄漏\", \"body\": \"今日 10 时许发生少量泄漏，无人员伤亡，请各地排查同类企业。\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String number = sent.json().path("documentNumber").asString();
		long documentId = sent.json().path("documentId").asLong();
		assertThat(number).startsWith("新华应急快〔");

		Api weidong = Api.at(port).as("weidong.liaison", PASSWORD);
		try (PDDocument pdf = Loader.loadPDF(weidong.getBytes("/api/v1/documents/" + documentId + ".pdf"))) {
			String words = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
			assertThat(words).contains(number, "新华区某化工企业发生泄漏", "请各地排查同类企业", "各县（市、区）应急管理局：",
					"前在平台签收本快报");
		}
		assertThat(QrCodes.inPdf(weidong.getBytes("/api/v1/documents/" + documentId + ".pdf"))).hasSize(1);
		assertThat(Api.at(port).as("samr.leader", PASSWORD).get("/api/v1/documents/" + documentId).status())
			.as("another department is not a recipient").isEqualTo(404);
		PageSession page = new PageSession(port);
		page.signIn("weidong.liaison", PASSWORD);
		assertThat(page.get("/bulletins/" + sent.json().path("id").asLong()).html()).contains(number, "下载 PDF");
	}

	static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}
}
