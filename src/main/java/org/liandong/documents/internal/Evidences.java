package org.liandong.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.util.encoders.Hex;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.documents.DocumentEvidence;
import org.liandong.documents.DocumentReceipt;
import org.liandong.documents.EvidenceStage;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.RowsAtCommit;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm2;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The signed evidences of a letter's way (issue 23, after e-CODEX): issued and delivered when it is
 * issued, signed with the sender's key in the same moment as the letter; opened, as the addressee's
 * signed receipt (issue 12); accepted, returned, forwarded and answered, each signed with the acting
 * agency's key by its act. Read with every signature checked, and packed with the signed PDF as one
 * file that any SM2 tool can check without the platform.
 */
@Component
class Evidences {

	/** What the platform writes as the actor of a delivery it makes for the sender. */
	static final String PLATFORM = "联动平台（代发文单位送达）";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final KeyService keys;
	private final Agencies agencies;

	Evidences(JdbcClient jdbc, KeyService keys, Agencies agencies) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.agencies = agencies;
	}

	/** An evidence worded, not yet signed. */
	record Worded(EvidenceStage stage, String agency, String counterpart, String actor, String actorName, String note,
			Instant at, String canonical) {

		byte[] digest() {
			return Hex.decode(CanonicalForm.digest(canonical));
		}
	}

	/** The evidences of an issue: issued by the sender, and delivered to each addressee, at the letter's time. */
	List<Worded> ofIssue(String number, String digest, String issuer, List<String> addressees, String issuedBy,
			String issuedByName, Instant at) {
		List<Worded> worded = new ArrayList<>();
		worded.add(word(number, digest, EvidenceStage.ISSUED, issuer, null, issuedBy, issuedByName, null, at));
		for (String addressee : addressees) {
			if (!addressee.equals(issuer)) {
				worded.add(word(number, digest, EvidenceStage.DELIVERED, issuer, addressee, null, PLATFORM,
						"已送达%s，该单位即可在平台阅读".formatted(name(addressee)), at));
			}
		}
		return worded;
	}

	void insert(long documentId, List<Worded> worded, List<KeyService.Signed> signatures) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < worded.size(); i++) {
			Worded w = worded.get(i);
			rows.add(new Object[] { documentId, w.stage().name(), w.agency(), w.counterpart(), w.actor(), w.actorName(),
					w.note(), OffsetDateTime.ofInstant(w.at(), ZoneOffset.UTC), signatures.get(i).keyId(),
					signatures.get(i).signature() });
		}
		// the evidences of a transaction in one statement as it commits (issue 18: an answer attests the request's
		// letter and issues the reply)
		RowsAtCommit.add(jdbc, "document_evidence", List.of("document_id", "stage", "agency", "counterpart", "actor",
				"actor_name", "note", "occurred_at", "signing_key_id", "signature"), rows);
	}

	/** The acting agency's evidence of a stage of the letter's way, signed with its current key. */
	void attest(IssuedDocument letter, EvidenceStage stage, SignedInUser actor, String note, Instant now) {
		// a letter issued before letters were signed has no digest to attest to
		if (letter.signature() == null) {
			return;
		}
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		Worded w = word(letter.number(), letter.signature().contentDigest(), stage, actor.agencyCode(), null,
				actor.getUsername(), actor.displayName(), note, at);
		insert(letter.id(), List.of(w), List.of(keys.sign(actor.agencyCode(), w.digest())));
	}

	/** The letter's evidences and receipts in time order, every signature checked against its key. */
	List<DocumentEvidence> of(IssuedDocument d, List<DocumentReceipt> receipts) {
		Map<Long, Optional<KeyService.Key>> keysById = new HashMap<>();
		RowsAtCommit.flush("document_evidence");
		List<DocumentEvidence> evidences = new ArrayList<>(jdbc.sql(
				"select * from document_evidence where document_id = ? order by occurred_at, id")
			.param(d.id())
			.query((rs, n) -> {
				EvidenceStage stage = EvidenceStage.valueOf(rs.getString("stage"));
				Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
				String agency = rs.getString("agency");
				String counterpart = rs.getString("counterpart");
				String canonical = CanonicalForm.evidence(d.number(), d.signature() == null ? "" : d.signature().contentDigest(),
						stage.name(), agency, counterpart, rs.getString("actor_name"), rs.getString("note"), at);
				long keyId = rs.getLong("signing_key_id");
				String signature = rs.getString("signature");
				String problem = problem(keysById.computeIfAbsent(keyId, keys::key), keyId, agency, canonical, signature);
				return new DocumentEvidence(d.id(), stage, stage.label(), at, agency, name(agency), counterpart,
						counterpart == null ? null : name(counterpart), rs.getString("actor_name"), rs.getString("note"),
						keyId, canonical, CanonicalForm.digest(canonical), signature, problem == null,
						problem == null ? "签名有效（%s SM2 密钥 #%d）".formatted(name(agency), keyId) : problem);
			})
			.list());
		for (DocumentReceipt r : receipts) {
			String canonical = CanonicalForm.receipt(d.number(), d.signature().contentDigest(), r.agencyCode(), r.receivedAt());
			evidences.add(new DocumentEvidence(d.id(), EvidenceStage.OPENED, EvidenceStage.OPENED.label(), r.receivedAt(),
					r.agencyCode(), r.agencyName(), null, null, r.receivedByName(), "收件单位首次打开，回执以该单位密钥签名",
					r.keyId(), canonical, CanonicalForm.digest(canonical), r.signature(), r.verified(), r.verification()));
		}
		evidences.sort(Comparator.comparing(DocumentEvidence::at).thenComparing(e -> e.stage().ordinal()));
		return evidences;
	}

	/** The letter's PDF, its evidences and the public keys that check them, with a note on how, as one ZIP. */
	byte[] pack(IssuedDocument d, List<DocumentEvidence> evidences, byte[] pdf) {
		Map<Long, String> publicKeys = new LinkedHashMap<>();
		List<Map<String, Object>> items = new ArrayList<>();
		for (DocumentEvidence e : evidences) {
			publicKeys.computeIfAbsent(e.keyId(), id -> keys.key(id).map(KeyService.Key::publicKey).orElse(null));
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("stage", e.stage().name());
			item.put("stageLabel", e.stageLabel());
			item.put("at", e.at().toString());
			item.put("agency", e.agencyCode());
			item.put("agencyName", e.agencyName());
			item.put("counterpart", e.counterpartCode());
			item.put("actor", e.actorName());
			item.put("note", e.note());
			item.put("canonical", e.canonical());
			item.put("sm3", e.digest());
			item.put("signingKeyId", e.keyId());
			item.put("signature", e.signature());
			item.put("verifiedWhenExported", e.verified());
			items.add(item);
		}
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("document", Map.of("id", d.id(), "number", d.number(), "title", d.title(), "issuer", d.issuerName(),
				"sm3", d.signature() == null ? "" : d.signature().contentDigest()));
		root.put("evidences", items);
		Map<String, String> keyList = new LinkedHashMap<>();
		publicKeys.forEach((id, key) -> keyList.put(Long.toString(id), key));
		root.put("publicKeys", keyList);
		String safe = d.number().replaceAll("[\\\\/:*?\"<>|]", "_");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			entry(zip, safe + ".pdf", pdf);
			entry(zip, "evidences.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
			entry(zip, "说明.txt", readme(d, evidences).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static String readme(IssuedDocument d, List<DocumentEvidence> evidences) {
		StringBuilder text = new StringBuilder("《%s》（%s）的送达与办理证据\r\n\r\n".formatted(d.title(), d.number()));
		for (DocumentEvidence e : evidences) {
			text.append("%s  %s  %s%s%s\r\n".formatted(ChineseTime.format(e.at()), e.stageLabel(), e.agencyName(),
					e.actorName() == null ? "" : "（" + e.actorName() + "）", e.verified() ? "" : "  导出时校验未通过：" + e.verification()));
		}
		text.append("""

				核验方法（无需本平台）：evidences.json 中每条证据的 canonical 是签名所覆盖的原文（UTF-8）；
				其 SM3 摘要（GB/T 32905）即 sm3；signature 是对这 32 字节摘要所作的 SM2 签名（GB/T 32918.2，
				默认用户标识 1234567812345678，DER 编码后 Base64），用 publicKeys 中对应 signingKeyId 的公钥
				（未压缩点，十六进制）验证。公文本身的签名见 PDF 的签章及本平台的公文核验页。
				""".replace("\n", "\r\n"));
		return text.toString();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static String problem(Optional<KeyService.Key> key, long keyId, String agency, String canonical,
			String signature) {
		if (key.isEmpty()) {
			return "证据签名密钥 #%d 不存在".formatted(keyId);
		}
		if (!key.get().agencyCode().equals(agency)) {
			return "证据签名密钥 #%d 不属于该单位，证据无效（可能系伪造）".formatted(keyId);
		}
		if (key.get().revokedAt() != null) {
			return "证据签名密钥 #%d 已吊销".formatted(keyId);
		}
		if (!Sm2.verify(key.get().publicKey(), Hex.decode(CanonicalForm.digest(canonical)), signature)) {
			return "证据签名无效（证据内容或签名已被改动）";
		}
		return null;
	}

	private Worded word(String number, String digest, EvidenceStage stage, String agency, String counterpart,
			String actor, String actorName, String note, Instant at) {
		return new Worded(stage, agency, counterpart, actor, actorName, note, at,
				CanonicalForm.evidence(number, digest, stage.name(), agency, counterpart, actorName, note, at));
	}

	private String name(String agencyCode) {
		return agencies.find(agencyCode).map(AgencySummary::name).orElse(agencyCode);
	}
}
