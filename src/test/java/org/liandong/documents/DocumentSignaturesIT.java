package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.Sm3;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.liandong.support.PageSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: every formal document is signed with its issuing agency's SM2 key over the SM3 digest
 * of its canonical content, verifiable from its PDF alone; addressees' receipts are signed with
 * their own keys. These are the non-repudiation requirements of GB/T 39786-2021 §8.4 (data with
 * legal weight), checked as a bureau would: download, upload, compare.
 */
@LiandongIntegrationTest
class DocumentSignaturesIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final X9ECParameters SM2 = GMNamedCurves.getByName("sm2p256v1");
	static final ECDomainParameters DOMAIN = new ECDomainParameters(SM2.getCurve(), SM2.getG(), SM2.getN(), SM2.getH());
	static final Map<String, String> ENFORCERS = Map.of("410402", "xinhua.enforcer", "410403", "weidong.enforcer",
			"410404", "shilong.enforcer", "410411", "zhanhe.enforcer", "410421", "baofeng.enforcer", "410422",
			"yexian.enforcer");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	/**
	 * The letter carries its signature in its API view, in its PDF's document information and
	 * behind the verify link of its page, and the digest is the SM3 of the documented canonical form, signed
	 * with the issuer's public key: anyone can check it without the platform's code.
	 */
	@Test
	void an_issued_letter_is_signed_over_its_canonical_form_and_its_pdf_alone_verifies() throws IOException {
		long id = letter("410402", "410403");
		Api xinhua = as("410402");
		JsonNode d = xinhua.get("/api/v1/documents/" + id).json();
		JsonNode signature = d.path("signature");
		assertThat(signature.path("algorithm").asString()).isEqualTo("SM3withSM2");
		String canonical = "liandong-document:1\n" + field("kind", d.path("kind").asString())
				+ field("number", d.path("number").asString()) + field("issuer", "410402")
				+ field("issuerName", d.path("issuerName").asString()) + field("addressee", d.path("addressee").asString())
				+ field("title", d.path("title").asString()) + field("body", d.path("body").asString())
				+ field("issuedAt", DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
					.format(Instant.parse(d.path("issuedAt").asString())));
		String digest = Sm3.hex(canonical);
		assertThat(signature.path("contentDigest").asString()).isEqualTo(digest);
		long keyId = signature.path("keyId").asLong();
		assertThat(verifies(publicKey("410402", keyId), Hex.decode(digest), signature.path("signature").asString()))
			.as("SM3withSM2 over the digest, with the issuer's public key").isTrue();

		byte[] pdf = xinhua.getBytes("/api/v1/documents/" + id + ".pdf");
		try (PDDocument read = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(read);
			// issue 21: the digest and key are behind the verify link and the QR code, not in the words
			assertThat(text).doesNotContain(digest).doesNotContain("SM2 密钥");
			assertThat(read.getDocumentInformation().getCustomMetadataValue("LiandongContentDigest")).isEqualTo(digest);
			assertThat(read.getDocumentInformation().getCustomMetadataValue("LiandongKeyId")).isEqualTo("" + keyId);
		}
		PageSession browser = new PageSession(port);
		browser.signIn("xinhua.enforcer", PASSWORD);
		assertThat(browser.get("/documents/" + id).html()).contains("验证签章").doesNotContain(digest);
		assertThat(browser.get("/documents/verify?id=" + id).html()).contains("SM2 密钥 #" + keyId, digest);
		Page verifiedPage = browser.upload("/documents/verify", "letter.pdf", "application/pdf", pdf);
		assertThat(verifiedPage.html()).contains("真实有效", "平顶山市新华区应急管理局");

		JsonNode verdict = as("410411").upload("/api/v1/documents/verify", "letter.pdf", "application/pdf", pdf).json();
		assertThat(verdict.path("authentic").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.path("issuerAgencyCode").asString()).isEqualTo("410402");
		assertThat(verdict.path("issuerName").asString()).isEqualTo("平顶山市新华区应急管理局");
		assertThat(verdict.path("number").asString()).isEqualTo(d.path("number").asString());
		assertThat(verdict.path("keyId").asLong()).isEqualTo(keyId);
		assertThat(verdict.path("issuedAt").asString()).isNotBlank();
		assertThat(verdict.path("reason").asString()).startsWith("真实有效");

		JsonNode byId = xinhua.post("/api/v1/documents/verify", "{\"documentId\": " + id + "}").json();
		assertThat(byId.path("authentic").asBoolean()).isTrue();
		assertThat(as("410411").post("/api/v1/documents/verify", "{\"documentId\": " + id + "}").status())
			.as("by id only for a reader").isEqualTo(404);
	}

	/** Issue 12: a document altered by one byte in its stored body fails, by id and by its PDF. */
	@Test
	void a_document_altered_by_one_byte_in_its_stored_body_fails_verification() {
		long id = letter("410402", "410403");
		Api xinhua = as("410402");
		byte[] pdf = xinhua.getBytes("/api/v1/documents/" + id + ".pdf");
		String body = jdbc.sql("select body from official_document where id = ?").param(id).query(String.class).single();
		int at = body.indexOf('1');
		jdbc.sql("update official_document set body = ? where id = ?")
			.params(body.substring(0, at) + "2" + body.substring(at + 1), id)
			.update();

		JsonNode byId = xinhua.post("/api/v1/documents/verify", "{\"documentId\": " + id + "}").json();
		assertThat(byId.path("authentic").asBoolean()).isFalse();
		assertThat(byId.path("code").asString()).isEqualTo("altered");
		assertThat(byId.path("reason").asString()).contains("内容已被篡改");
		JsonNode byPdf = xinhua.upload("/api/v1/documents/verify", "letter.pdf", "application/pdf", pdf).json();
		assertThat(byPdf.path("authentic").asBoolean()).isFalse();
		assertThat(byPdf.path("reason").asString()).contains("内容已被篡改");
	}

	/**
	 * A PDF whose embedded digest was changed fails; one naming a key that does not exist too. Since
	 * issue 19 the file's own signature refuses either change first (the file was saved again); signed
	 * anew with the issuer's own key, as someone holding a leaked key could, the record check still
	 * refuses them.
	 */
	@Test
	void a_pdf_whose_embedded_digest_or_key_was_altered_fails() throws Exception {
		long id = letter("410402", "410403");
		Api xinhua = as("410402");
		byte[] pdf = xinhua.getBytes("/api/v1/documents/" + id + ".pdf");
		long keyId = xinhua.get("/api/v1/documents/" + id).json().path("signature").path("keyId").asLong();
		JsonNode resaved = xinhua.upload("/api/v1/documents/verify", "a.pdf", "application/pdf",
				withInfo(pdf, "LiandongContentDigest", Sm3.hex("另一份公文"))).json();
		assertThat(resaved.path("authentic").asBoolean()).isFalse();
		assertThat(resaved.path("code").asString()).isEqualTo("rewritten");
		assertThat(resaved.path("reason").asString()).startsWith("文件在签名后被重新保存或改写");

		byte[] digestAltered = signedAgain(withInfo(OutsideSigner.unsigned(pdf), "LiandongContentDigest",
				Sm3.hex("另一份公文")), keyId);
		JsonNode altered = xinhua.upload("/api/v1/documents/verify", "a.pdf", "application/pdf", digestAltered).json();
		assertThat(altered.path("authentic").asBoolean()).isFalse();
		assertThat(altered.path("code").asString()).as(altered.toString()).isEqualTo("altered");
		assertThat(altered.path("reason").asString()).contains("内容已被篡改", "PDF");
		assertThat(altered.path("fileSignature").path("intact").asBoolean()).as("the file as signed").isTrue();

		JsonNode unknownKey = xinhua.upload("/api/v1/documents/verify", "b.pdf", "application/pdf",
				signedAgain(withInfo(OutsideSigner.unsigned(pdf), "LiandongKeyId", "987654321"), keyId)).json();
		assertThat(unknownKey.path("authentic").asBoolean()).isFalse();
		assertThat(unknownKey.path("code").asString()).as(unknownKey.toString()).isEqualTo("unknown-key");
		assertThat(unknownKey.path("reason").asString()).contains("未知密钥");
	}

	/**
	 * A genuine seal carried over into another text: the printed words must be the record's. Saved
	 * again, the file's signature refuses it; signed anew with the issuer's own key, the words do.
	 */
	@Test
	void a_pdf_carrying_a_genuine_seal_over_another_text_fails() throws Exception {
		long genuine = letter("410402", "410403");
		long other = letter("410402", "410404");
		Api xinhua = as("410402");
		byte[] sealed = xinhua.getBytes("/api/v1/documents/" + genuine + ".pdf");
		long keyId = xinhua.get("/api/v1/documents/" + genuine).json().path("signature").path("keyId").asLong();
		byte[] forged = withInfoOf(sealed, xinhua.getBytes("/api/v1/documents/" + other + ".pdf"));
		JsonNode resaved = xinhua.upload("/api/v1/documents/verify", "forged.pdf", "application/pdf", forged).json();
		assertThat(resaved.path("authentic").asBoolean()).isFalse();
		assertThat(resaved.path("code").asString()).isEqualTo("rewritten");

		byte[] otherUnsigned = OutsideSigner.unsigned(xinhua.getBytes("/api/v1/documents/" + other + ".pdf"));
		byte[] signedForgery = signedAgain(withInfoOf(sealed, otherUnsigned), keyId);
		JsonNode verdict = xinhua.upload("/api/v1/documents/verify", "forged.pdf", "application/pdf", signedForgery)
			.json();
		assertThat(verdict.path("authentic").asBoolean()).as(verdict.toString()).isFalse();
		assertThat(verdict.path("code").asString()).isEqualTo("altered");
		assertThat(verdict.path("reason").asString()).contains("PDF 中的文字与公文");
		JsonNode real = xinhua.upload("/api/v1/documents/verify", "genuine.pdf", "application/pdf", sealed).json();
		assertThat(real.path("authentic").asBoolean()).as(real.toString()).isTrue();
	}

	/**
	 * A letter of 新华区 signed whole with another bureau's registered key (卫东区's, as if leaked): the
	 * file's signature holds, but it is not by the key that signed the document.
	 */
	@Test
	void a_pdf_signed_with_another_bureaus_key_fails() throws Exception {
		long id = letter("410402", "410403");
		byte[] pdf = as("410402").getBytes("/api/v1/documents/" + id + ".pdf");
		long otherKey = Api.at(port).as("sysadmin", PASSWORD).post("/api/v1/documents/signing-keys/agencies/410403", "")
			.json()
			.path("id")
			.asLong();

		JsonNode verdict = as("410402").upload("/api/v1/documents/verify", "c.pdf", "application/pdf",
				signedAgain(OutsideSigner.unsigned(pdf), otherKey)).json();
		assertThat(verdict.path("authentic").asBoolean()).isFalse();
		assertThat(verdict.path("code").asString()).as(verdict.toString()).isEqualTo("invalid-signature");
		assertThat(verdict.path("reason").asString()).contains("SM2 密钥 #" + otherKey, "不是签发公文");
		assertThat(verdict.path("fileSignature").path("intact").asBoolean()).isTrue();
	}

	/** Rotation: the new key signs from now on; a document signed with the rotated-out key still verifies. */
	@Test
	void a_document_signed_with_a_rotated_out_key_still_verifies() {
		long before = letter("410402", "410403");
		Api xinhua = as("410402");
		long oldKey = xinhua.get("/api/v1/documents/" + before).json().path("signature").path("keyId").asLong();
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply rotated = sysadmin.post("/api/v1/documents/signing-keys/agencies/410402", "");
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
		long newKey = rotated.json().path("id").asLong();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(as("410402").post("/api/v1/documents/signing-keys/agencies/410402", "").status()).isEqualTo(403);

		long after = letter("410402", "410403");
		assertThat(xinhua.get("/api/v1/documents/" + after).json().path("signature").path("keyId").asLong())
			.isEqualTo(newKey);
		JsonNode old = xinhua.post("/api/v1/documents/verify", "{\"documentId\": " + before + "}").json();
		assertThat(old.path("authentic").asBoolean()).as(old.toString()).isTrue();
		assertThat(old.path("keyId").asLong()).isEqualTo(oldKey);
		// its PDF, downloaded now, is signed with the key that signed the record (issue 19)
		JsonNode oldPdf = xinhua.upload("/api/v1/documents/verify", "old.pdf", "application/pdf",
				xinhua.getBytes("/api/v1/documents/" + before + ".pdf")).json();
		assertThat(oldPdf.path("authentic").asBoolean()).as(oldPdf.toString()).isTrue();
		assertThat(oldPdf.path("keyId").asLong()).isEqualTo(oldKey);
		JsonNode keys = xinhua.get("/api/v1/documents/signing-keys/agencies/410402").json();
		assertThat(keys.get(0).path("id").asLong()).isEqualTo(newKey);
		assertThat(keys.get(0).path("current").asBoolean()).isTrue();
		JsonNode retired = stream(keys, oldKey);
		assertThat(retired.path("current").asBoolean()).isFalse();
		assertThat(retired.path("retiredAt").isNull()).isFalse();
		assertThat(retired.path("publicKey").asString()).startsWith("04").hasSize(130);
		assertThat(audited("SIGNING_KEY_ROTATED", "" + newKey)).isEqualTo(1);
	}

	/** A revoked key: its documents fail with the reason; the agency's next document gets a new key. */
	@Test
	void a_document_signed_with_a_revoked_key_fails_with_the_reason() throws IOException {
		long id = letter("410404", "410411");
		Api shilong = as("410404");
		byte[] pdf = shilong.getBytes("/api/v1/documents/" + id + ".pdf");
		long keyId = shilong.get("/api/v1/documents/" + id).json().path("signature").path("keyId").asLong();
		assertThat(audited("SIGNING_KEY_GENERATED", "" + keyId)).as("the first key, made lazily").isEqualTo(1);
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		Reply revoked = sysadmin.post("/api/v1/documents/signing-keys/" + keyId + "/revocation",
				"{\"reason\": \"私钥疑似泄露\"}");
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(audited("SIGNING_KEY_REVOKED", "" + keyId)).isEqualTo(1);
		assertThat(sysadmin.post("/api/v1/documents/signing-keys/" + keyId + "/revocation", "{}").status())
			.as("twice").isEqualTo(400);

		JsonNode byPdf = shilong.upload("/api/v1/documents/verify", "c.pdf", "application/pdf", pdf).json();
		assertThat(byPdf.path("authentic").asBoolean()).isFalse();
		assertThat(byPdf.path("code").asString()).isEqualTo("revoked");
		assertThat(byPdf.path("reason").asString()).contains("已", "吊销", "私钥疑似泄露");
		JsonNode laterPdf = shilong.upload("/api/v1/documents/verify", "d.pdf", "application/pdf",
				shilong.getBytes("/api/v1/documents/" + id + ".pdf")).json();
		assertThat(laterPdf.path("code").asString()).as("downloaded after the revocation").isEqualTo("revoked");
		assertThat(shilong.post("/api/v1/documents/verify", "{\"documentId\": " + id + "}").json().path("code")
			.asString()).isEqualTo("revoked");

		long next = letter("410404", "410411");
		long nextKey = shilong.get("/api/v1/documents/" + next).json().path("signature").path("keyId").asLong();
		assertThat(nextKey).isNotEqualTo(keyId);
		assertThat(shilong.post("/api/v1/documents/verify", "{\"documentId\": " + next + "}").json().path("authentic")
			.asBoolean()).isTrue();
	}

	/** Bad input: not a PDF, an empty file, a PDF without signature: a clear Chinese answer, never a 5xx. */
	@Test
	void an_upload_that_is_not_a_pdf_or_has_no_signature_gets_a_clear_chinese_answer() throws IOException {
		Api user = as("410403");
		Reply text = user.upload("/api/v1/documents/verify", "letter.pdf", "application/pdf",
				"这不是 PDF".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.problemCode()).isEqualTo("not-a-pdf");
		assertThat(text.detail()).contains("不是 PDF");
		Reply broken = user.upload("/api/v1/documents/verify", "x.pdf", "application/pdf",
				"%PDF-1.7\n垃圾".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.detail()).contains("无法作为 PDF 读取");
		assertThat(user.upload("/api/v1/documents/verify", "e.pdf", "application/pdf", new byte[0]).status())
			.isEqualTo(400);
		assertThat(user.post("/api/v1/documents/verify", "{}").detail()).contains("documentId");

		byte[] plain;
		try (PDDocument blank = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			blank.addPage(new PDPage());
			blank.save(out);
			plain = out.toByteArray();
		}
		Reply unsigned = user.upload("/api/v1/documents/verify", "plain.pdf", "application/pdf", plain);
		assertThat(unsigned.status()).isEqualTo(200);
		assertThat(unsigned.json().path("authentic").asBoolean()).isFalse();
		assertThat(unsigned.json().path("code").asString()).isEqualTo("unsigned");
		assertThat(unsigned.json().path("reason").asString()).contains("没有电子签章");

		// the page gives the same answers
		PageSession browser = new PageSession(port);
		browser.signIn("weidong.enforcer", PASSWORD);
		assertThat(browser.get("/documents/verify").html()).contains("公文电子签章验证");
		Page page = browser.upload("/documents/verify", "plain.pdf", "application/pdf", plain);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("验证未通过", "没有电子签章");
		assertThat(browser.upload("/documents/verify", "t.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8))
			.html()).contains("不是 PDF");
	}

	/**
	 * Issue 12: the addressee's first opening records one receipt, signed with its own key over
	 * document digest, agency and time; the issuer and the city bureau opening it record none.
	 */
	@Test
	void a_receipt_is_recorded_once_when_the_addressee_first_opens_the_document_and_verifies_with_its_key() {
		long id = letter("410402", "410403");
		Api xinhua = as("410402");
		xinhua.getBytes("/api/v1/documents/" + id + ".pdf");
		Api.at(port).as("city.leader", PASSWORD).getBytes("/api/v1/documents/" + id + ".pdf");
		assertThat(xinhua.get("/api/v1/documents/" + id + "/receipts").json()).isEmpty();

		Api weidong = as("410403");
		weidong.getBytes("/api/v1/documents/" + id + ".pdf");
		PageSession addressee = new PageSession(port);
		addressee.signIn("weidong.enforcer", PASSWORD);
		assertThat(addressee.get("/documents/" + id).status()).isEqualTo(200);
		assertThat(addressee.get("/documents/" + id + ".pdf").status()).isEqualTo(200);
		weidong.get("/api/v1/documents/" + id);
		JsonNode receipts = xinhua.get("/api/v1/documents/" + id + "/receipts").json();
		assertThat(receipts).hasSize(1);
		JsonNode receipt = receipts.get(0);
		assertThat(receipt.path("agencyCode").asString()).isEqualTo("410403");
		assertThat(receipt.path("receivedByName").asString()).isNotBlank();
		assertThat(receipt.path("verified").asBoolean()).as(receipt.toString()).isTrue();
		assertThat(audited("DOCUMENT_RECEIVED", number(id))).isEqualTo(1);

		// independently: SM3withSM2 over SM3 of the receipt's canonical form, with the receiver's public key
		String digest = xinhua.get("/api/v1/documents/" + id).json().path("signature").path("contentDigest").asString();
		String canonical = receiptForm(number(id), digest, "410403", receipt.path("receivedAt").asString());
		long keyId = receipt.path("keyId").asLong();
		assertThat(verifies(publicKey("410403", keyId), Sm3.digest(canonical.getBytes(StandardCharsets.UTF_8)),
				receipt.path("signature").asString())).isTrue();
		PageSession issuer = new PageSession(port);
		issuer.signIn("xinhua.enforcer", PASSWORD);
		assertThat(issuer.get("/documents/" + id).html()).contains("签收回执", "平顶山市卫东区应急管理局", "回执签名有效");
	}

	/** A third agency cannot forge the addressee's receipt: only the addressee's own key counts. */
	@Test
	void a_receipt_signed_with_a_third_agencys_key_does_not_verify() {
		long id = letter("410402", "410403");
		Api xinhua = as("410402");
		String number = number(id);
		String digest = xinhua.get("/api/v1/documents/" + id).json().path("signature").path("contentDigest").asString();
		Api sysadmin = Api.at(port).as("sysadmin", PASSWORD);
		long thirdKey = sysadmin.post("/api/v1/documents/signing-keys/agencies/410421", "").json().path("id").asLong();
		long receiverKey = sysadmin.post("/api/v1/documents/signing-keys/agencies/410403", "").json().path("id")
			.asLong();
		String thirdPrivate = jdbc.sql("select private_key, public_key from signing_key where id = ?")
			.param(thirdKey)
			.query((rs, n) -> cipher.decrypt(rs.getString(1), "signing_key.private_key:" + rs.getString(2)))
			.single();
		Instant at = Instant.parse("2026-01-05T02:00:00Z");
		String forged = sign(thirdPrivate, Sm3.digest(receiptForm(number, digest, "410403", at.toString())
			.getBytes(StandardCharsets.UTF_8)));

		insertReceipt(id, thirdKey, forged, at);
		JsonNode claimed = xinhua.get("/api/v1/documents/" + id + "/receipts").json().get(0);
		assertThat(claimed.path("verified").asBoolean()).isFalse();
		assertThat(claimed.path("verification").asString()).contains("不属于接收单位");

		jdbc.sql("update document_receipt set signing_key_id = ? where document_id = ?").params(receiverKey, id).update();
		JsonNode posing = xinhua.get("/api/v1/documents/" + id + "/receipts").json().get(0);
		assertThat(posing.path("verified").asBoolean()).isFalse();
		assertThat(posing.path("verification").asString()).contains("回执签名无效");
	}

	long letter(String from, String to) {
		Api requester = as(from);
		long caseId = Fixtures.enterpriseCase(requester, from, "COUNTY").path("id").asLong();
		Reply created = requester.post("/api/v1/assistance-requests", """
				{"caseId": %d, "assistingAgencyCode": "%s", "matters": "1. 核实该企业仓库情况；2. 调取出入库记录。",
				 "legalBasis": "《中华人民共和国安全生产法》", "answerBy": "%s"}"""
			.formatted(caseId, to, LocalDate.now(BEIJING).plusDays(30)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Reply sent = requester.post("/api/v1/assistance-requests/" + created.json().path("id").asLong() + "/send", "{}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json().path("letters").get(0).path("documentId").asLong();
	}

	Api as(String agency) {
		return Api.at(port).as(ENFORCERS.get(agency), PASSWORD);
	}

	String number(long id) {
		return jdbc.sql("select number from official_document where id = ?").param(id).query(String.class).single();
	}

	int audited(String action, String objectId) {
		Audited.chained();
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, objectId)
			.query(Integer.class)
			.single();
	}

	String publicKey(String agency, long keyId) {
		return stream(as(agency).get("/api/v1/documents/signing-keys/agencies/" + agency).json(), keyId)
			.path("publicKey").asString();
	}

	static JsonNode stream(JsonNode keys, long keyId) {
		for (JsonNode key : keys) {
			if (key.path("id").asLong() == keyId) {
				return key;
			}
		}
		throw new AssertionError("no key #" + keyId + " in " + keys);
	}

	void insertReceipt(long id, long keyId, String signature, Instant at) {
		jdbc.sql("""
				insert into document_receipt (document_id, agency, agency_name, received_at, received_by,
				    received_by_name, signing_key_id, signature)
				values (?, '410403', '平顶山市卫东区应急管理局', ?, 'weidong.enforcer', '伪造', ?, ?)""")
			.params(id, java.time.OffsetDateTime.ofInstant(at, ZoneOffset.UTC), keyId, signature)
			.update();
	}

	static String field(String name, String value) {
		return name + ":" + value.getBytes(StandardCharsets.UTF_8).length + ":" + value + "\n";
	}

	static String receiptForm(String number, String digest, String agency, String receivedAt) {
		return "liandong-receipt:1\n" + field("number", number) + field("digest", digest) + field("agency", agency)
				+ field("receivedAt", DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
					.format(Instant.parse(receivedAt)));
	}

	static boolean verifies(String publicKey, byte[] message, String signature) {
		SM2Signer signer = new SM2Signer();
		signer.init(false, new ECPublicKeyParameters(SM2.getCurve().decodePoint(Hex.decode(publicKey)), DOMAIN));
		signer.update(message, 0, message.length);
		return signer.verifySignature(Base64.getDecoder().decode(signature));
	}

	static String sign(String privateKey, byte[] message) {
		SM2Signer signer = new SM2Signer();
		signer.init(true, new ECPrivateKeyParameters(new BigInteger(privateKey, 16), DOMAIN));
		signer.update(message, 0, message.length);
		try {
			return Base64.getEncoder().encodeToString(signer.generateSignature());
		}
		catch (org.bouncycastle.crypto.CryptoException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The other file with the document information of {@code source}, saved whole. */
	static byte[] withInfoOf(byte[] source, byte[] other) throws IOException {
		try (PDDocument from = Loader.loadPDF(source); PDDocument target = Loader.loadPDF(other);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			target.setDocumentInformation(from.getDocumentInformation());
			target.save(out);
			return out.toByteArray();
		}
	}

	/** The PDF signed anew with the agency's own key #keyId, read from the database as someone holding a leaked key could. */
	byte[] signedAgain(byte[] unsignedPdf, long keyId) throws Exception {
		String[] key = jdbc.sql("select private_key, public_key from signing_key where id = ?")
			.param(keyId)
			.query((rs, n) -> new String[] {
					cipher.decrypt(rs.getString(1), "signing_key.private_key:" + rs.getString(2)), rs.getString(2) })
			.single();
		return OutsideSigner.sign(unsignedPdf, OutsideSigner.key(key[0], key[1]), keyId, "平顶山市新华区应急管理局");
	}

	static byte[] withInfo(byte[] pdf, String key, String value) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setCustomMetadataValue(key, value);
			document.save(out);
			return out.toByteArray();
		}
	}
}
