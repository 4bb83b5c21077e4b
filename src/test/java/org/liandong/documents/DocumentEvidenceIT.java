package org.liandong.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23 (after e-CODEX's evidences): every stage of a 协助调查函's way — issued, delivered, opened,
 * accepted, answered — is kept as an evidence signed with the acting bureau's SM2 key, seen alike by
 * the sender and the addressee and by no other bureau, checked when read (an altered one is named), and
 * exported with the signed PDF as one file that is checked here without the platform: each evidence's
 * text rebuilt from its fields by the documented form, its SM3 digest and its SM2 signature computed with
 * Bouncy Castle.
 */
@LiandongIntegrationTest
class DocumentEvidenceIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void each_stage_of_a_letter_is_a_signed_evidence_both_sides_see_and_a_court_can_check_offline() throws IOException {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		JsonNode draft = Fixtures.draftRequest(xinhua, "410403");
		String request = "/api/v1/assistance-requests/" + draft.path("id").asLong();
		JsonNode sent = ok(xinhua.post(request + "/send", "{}"));
		long letter = sent.path("letters").get(0).path("documentId").asLong();
		String number = sent.path("number").asString();
		// the assisting bureau opens the letter (its receipt), accepts and answers the request
		ok(weidong.get("/api/v1/documents/" + letter));
		JsonNode accepted = ok(weidong.post(request + "/accept", "{\"version\": %d}".formatted(sent.path("version").asLong())));
		JsonNode answered = ok(weidong.post(request + "/answer", "{\"version\": %d, \"text\": \"经核查，该企业在卫东区无经营场所。\"}"
			.formatted(accepted.path("version").asLong())));
		String reply = answered.path("letters").get(answered.path("letters").size() - 1).path("number").asString();

		JsonNode evidences = ok(xinhua.get("/api/v1/documents/" + letter + "/evidences"));
		assertThat(evidences.findValuesAsString("stage")).containsExactly("ISSUED", "DELIVERED", "OPENED", "ACCEPTED",
				"ANSWERED");
		assertThat(evidences.findValuesAsString("agencyCode")).containsExactly("410402", "410402", "410403", "410403",
				"410403");
		assertThat(evidences.get(1).path("counterpartCode").asString()).as("delivered to the addressee").isEqualTo("410403");
		assertThat(evidences.get(4).path("note").asString()).isEqualTo("以复函 %s 答复".formatted(reply));
		for (JsonNode e : evidences) {
			assertThat(e.path("verified").asBoolean()).as(e.toString()).isTrue();
		}
		assertThat(ok(weidong.get("/api/v1/documents/" + letter + "/evidences"))).as("both sides see the same")
			.isEqualTo(evidences);
		assertThat(Api.at(port).as("baofeng.enforcer", PASSWORD).get("/api/v1/documents/" + letter + "/evidences").status())
			.as("another bureau learns nothing (X2)").isEqualTo(404);

		// the package, checked as a court would: nothing of the platform, the documented forms and Bouncy Castle
		byte[] zip = weidong.getBytes("/api/v1/documents/" + letter + "/evidences.zip");
		Map<String, byte[]> files = unzip(zip);
		assertThat(files).containsKeys(number + ".pdf", "evidences.json", "说明.txt");
		assertThat(new String(files.get(number + ".pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		JsonNode exported = JSON.readTree(files.get("evidences.json"));
		String letterDigest = exported.path("document").path("sm3").asString();
		assertThat(exported.path("evidences")).hasSize(5);
		for (JsonNode e : exported.path("evidences")) {
			String canonical = e.path("stage").asString().equals("OPENED")
					? DocumentSignaturesIT.receiptForm(number, letterDigest, e.path("agency").asString(), e.path("at").asString())
					: evidenceForm(number, letterDigest, e);
			assertThat(e.path("canonical").asString()).as("the text signed is the documented form").isEqualTo(canonical);
			byte[] digest = sm3(canonical);
			assertThat(e.path("sm3").asString()).isEqualTo(Hex.toHexString(digest));
			String publicKey = exported.path("publicKeys").path(e.path("signingKeyId").asString()).asString();
			assertThat(DocumentSignaturesIT.verifies(publicKey, digest, e.path("signature").asString()))
				.as("SM2 signature of " + e.path("stage").asString()).isTrue();
		}
		assertThat(new String(files.get("说明.txt"), StandardCharsets.UTF_8)).contains("核验方法", "1234567812345678", "发出", "答复");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'DOCUMENT_EVIDENCE_EXPORTED' and object_id = ?")
			.param(number).query(Integer.class).single()).isEqualTo(1);

		// an evidence altered in the database no longer verifies, and says so
		jdbc.sql("update document_evidence set note = '已受理（改写）' where document_id = ? and stage = 'ACCEPTED'")
			.param(letter).update();
		JsonNode altered = ok(xinhua.get("/api/v1/documents/" + letter + "/evidences")).get(3);
		assertThat(altered.path("verified").asBoolean()).isFalse();
		assertThat(altered.path("verification").asString()).contains("被改动");
	}

	/** The evidence form as the documents module's javadoc states it, rebuilt from the exported fields. */
	private static String evidenceForm(String number, String digest, JsonNode e) {
		return "liandong-evidence:1\n" + DocumentSignaturesIT.field("number", number)
				+ DocumentSignaturesIT.field("digest", digest) + DocumentSignaturesIT.field("stage", e.path("stage").asString())
				+ DocumentSignaturesIT.field("agency", e.path("agency").asString())
				+ DocumentSignaturesIT.field("counterpart", e.path("counterpart").isNull() ? "" : e.path("counterpart").asString())
				+ DocumentSignaturesIT.field("actor", e.path("actor").isNull() ? "" : e.path("actor").asString())
				+ DocumentSignaturesIT.field("note", e.path("note").isNull() ? "" : e.path("note").asString())
				+ DocumentSignaturesIT.field("at", SECOND.format(Instant.parse(e.path("at").asString())));
	}

	private static byte[] sm3(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		SM3Digest sm3 = new SM3Digest();
		sm3.update(bytes, 0, bytes.length);
		byte[] out = new byte[32];
		sm3.doFinal(out, 0);
		return out;
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	private static JsonNode ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
		return reply.json();
	}
}
