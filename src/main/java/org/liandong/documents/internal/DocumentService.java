package org.liandong.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.audit.AuditTrail;
import org.liandong.documents.DocumentEvidence;
import org.liandong.documents.DocumentIssued;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.DocumentReceipt;
import org.liandong.documents.DocumentReceived;
import org.liandong.documents.DocumentSignature;
import org.liandong.documents.Documents;
import org.liandong.documents.EvidenceStage;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.IssuerPrefixChanged;
import org.liandong.documents.LetterDraft;
import org.liandong.documents.NewDocument;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.MultiRowInsert;
import org.liandong.platform.ReferenceData;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DocumentService implements Documents {

	/** The longest 主送 line a document keeps (its column): more addressees are named collectively by the caller. */
	private static final int MAX_ADDRESSEE = 500;

	/** The reference data's name of the issuers' prefixes ({@link ReferenceData}). */
	static final String ISSUERS = "document-issuer";

	/** Chinese characters only, as in 新华应急 or 平应急: the prefix is printed in the number. */
	private static final Pattern PREFIX = Pattern.compile("\\p{IsHan}{1,12}");

	private final DocumentNumbers numbers;
	private final DocumentText text;
	private final PdfRenderer renderer;
	private final PdfSigner signer;
	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final KeyService keys;
	private final VerificationService verification;
	private final AuditTrail audit;
	private final Evidences evidences;
	private final ReferenceData referenceData;
	/** each agency's 机关代字 set by its administrator, held in memory: asked at every issue (issue 18) */
	private final ReferenceData.Cached<Map<String, String>> prefixes;

	DocumentService(DocumentNumbers numbers, DocumentText text, PdfRenderer renderer, PdfSigner signer,
			Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, KeyService keys,
			VerificationService verification, AuditTrail audit, Evidences evidences, ReferenceData referenceData) {
		this.referenceData = referenceData;
		this.prefixes = referenceData.cache(ISSUERS, () -> Map.copyOf(jdbc.sql("select agency, prefix from document_issuer")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
		this.audit = audit;
		this.evidences = evidences;
		this.keys = keys;
		this.verification = verification;
		this.numbers = numbers;
		this.text = text;
		this.renderer = renderer;
		this.signer = signer;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Joins the caller's transaction: the number is taken back if the act that issues it fails. */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedDocument issue(NewDocument d) {
		AgencySummary issuer = agency(d.issuerAgencyCode());
		// the wording first: a document missing a field is refused before a number is taken
		DocumentText.Wording wording = text.write(d.kind(), d.fields());
		String addressee = d.fields().get("addressee").strip();
		if (addressee.length() > MAX_ADDRESSEE) {
			throw DomainException.invalid("addressee-too-long",
					"主送单位过多（超过 %d 字），请以统称主送（如“各成员单位”）".formatted(MAX_ADDRESSEE));
		}
		// to the millisecond, so the time stored is the time signed on either database
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int year = now.atZone(ChineseTime.ZONE).getYear();
		String prefix = prefixOf(issuer.code());
		int seq = numbers.next(prefix, d.kind(), year);
		String number = "%s%s〔%d〕%d号".formatted(prefix, d.kind().mark(), year, seq);
		// signed with the issuer's current key over the SM3 digest of the canonical form (issue 12)
		String digest = CanonicalForm.digest(CanonicalForm.document(d.kind(), number, issuer.code(), issuer.name(),
				addressee, wording.title(), wording.body(), now));
		// the letter and the evidences of its issue and delivery (issue 23), signed with one look-up of the key
		List<Evidences.Worded> worded = evidences.ofIssue(number, digest, issuer.code(), d.readerAgencyCodes(), d.issuedBy(),
				d.issuedByName(), now);
		List<byte[]> messages = new java.util.ArrayList<>(List.of(Hex.decode(digest)));
		worded.forEach(w -> messages.add(w.digest()));
		List<KeyService.Signed> signatures = keys.signAll(issuer.code(), messages);
		KeyService.Signed signed = signatures.get(0);
		DocumentSignature signature = new DocumentSignature(signed.keyId(), digest, signed.signature(),
				DocumentSignature.ALGORITHM);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into official_document (kind, number, issuer_agency, issuer_name, title, addressee, body,
				    source_type, source_id, issued_at, issued_by, issued_by_name, content_digest, signature,
				    signing_key_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.kind().name(), number, issuer.code(), issuer.name(), wording.title(), addressee, wording.body(),
					d.sourceType(), d.sourceId(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), d.issuedBy(),
					d.issuedByName(), digest, signed.signature(), signed.keyId())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		Set<String> readers = new LinkedHashSet<>(d.readerAgencyCodes());
		readers.add(issuer.code());
		MultiRowInsert.into(jdbc, "document_reader", List.of("document_id", "agency"),
				readers.stream().map(agency -> new Object[] { id, agency }).toList());
		evidences.insert(id, worded, signatures.subList(1, signatures.size()));
		events.publishEvent(new DocumentIssued(id, number, d.kind(), issuer.code(), wording.title()));
		return new IssuedDocument(id, d.kind(), number, issuer.code(), issuer.name(), wording.title(), addressee,
				wording.body(), d.sourceType(), d.sourceId(), now, d.issuedByName(), signature);
	}

	@Override
	@Transactional(readOnly = true)
	public LetterDraft preview(NewDocument d) {
		AgencySummary issuer = agency(d.issuerAgencyCode());
		DocumentText.Wording wording = text.write(d.kind(), d.fields());
		return new LetterDraft(d.kind(), d.kind().label(), issuer.name(), wording.title(), wording.body());
	}

	@Override
	public int share(String sourceType, String sourceId, String agencyCode) {
		return jdbc.sql("""
				insert into document_reader (document_id, agency)
				select d.id, ? from official_document d where d.source_type = ? and d.source_id = ?
				and not exists (select 1 from document_reader r where r.document_id = d.id and r.agency = ?)""")
			.params(agencyCode, sourceType, sourceId, agencyCode)
			.update();
	}

	@Override
	public IssuedDocument open(long id, SignedInUser reader) {
		IssuedDocument document = find(id, reader);
		String agency = reader.agencyCode();
		if (document.signature() == null || agency == null || agency.equals(document.issuerAgencyCode())) {
			return document;
		}
		boolean addressed = jdbc.sql("select count(*) from document_reader where document_id = ? and agency = ?")
			.params(id, agency)
			.query(Integer.class)
			.single() > 0;
		boolean received = jdbc.sql("select count(*) from document_receipt where document_id = ? and agency = ?")
			.params(id, agency)
			.query(Integer.class)
			.single() > 0;
		if (!addressed || received) {
			return document;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String canonical = CanonicalForm.receipt(document.number(), document.signature().contentDigest(), agency, now);
		KeyService.Signed signed = keys.sign(agency, Hex.decode(CanonicalForm.digest(canonical)));
		String agencyName = agencies.find(agency).map(AgencySummary::name).orElse(reader.agencyName());
		// two first openings at the same instant: the database keeps one receipt
		int recorded = jdbc.sql("""
				insert into document_receipt (document_id, agency, agency_name, received_at, received_by,
				    received_by_name, signing_key_id, signature)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(id, agency, agencyName, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), reader.getUsername(),
					reader.displayName(), signed.keyId(), signed.signature())
			.update();
		if (recorded == 1) {
			events.publishEvent(new DocumentReceived(id, document.number(), agency, agencyName, signed.keyId()));
		}
		return document;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DocumentEvidence> evidences(long id, SignedInUser reader) {
		IssuedDocument document = find(id, reader);
		return evidences.of(document, receiptsOf(document));
	}

	/** Read, packed and signed outside a transaction, as the PDF's download (the export is audited, X1). */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public byte[] evidencePackage(long id, SignedInUser reader) {
		IssuedDocument document = find(id, reader);
		List<DocumentEvidence> all = evidences.of(document, receiptsOf(document));
		// the letter leaves the platform as a file, as a download does (X1)
		audit.record("DOCUMENT_EVIDENCE_EXPORTED", "document", document.number(),
				"导出公文《%s》的送达与办理证据（%d 条）".formatted(document.title(), all.size()));
		return evidences.pack(document, all, signer.sign(renderer.render(document), document));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void attest(IssuedDocument letter, EvidenceStage stage, SignedInUser actor, String note) {
		evidences.attest(letter, stage, actor, note, clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public List<DocumentReceipt> receipts(long id, SignedInUser reader) {
		return receiptsOf(find(id, reader));
	}

	private List<DocumentReceipt> receiptsOf(IssuedDocument document) {
		long id = document.id();
		return jdbc.sql("select * from document_receipt where document_id = ? order by received_at, agency")
			.param(id)
			.query((rs, n) -> verification.receipt(document, rs.getString("agency"), rs.getString("agency_name"),
					rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("received_by_name"),
					rs.getLong("signing_key_id"), rs.getString("signature")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public IssuedDocument find(long id, SignedInUser reader) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return jdbc.sql("""
				select * from official_document d where d.id = ?
				and (? or exists (select 1 from document_reader r where r.document_id = d.id and r.agency = ?))""")
			.params(id, city, reader.agencyCode())
			.query((rs, n) -> document(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-document", "公文 %d 不存在".formatted(id)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<IssuedDocument> issuedFor(String sourceType, String sourceId) {
		return jdbc.sql("select * from official_document where source_type = ? and source_id = ? order by id")
			.params(sourceType, sourceId)
			.query((rs, n) -> document(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<IssuedDocument> issuedForAll(String sourceType, java.util.Collection<String> sourceIds) {
		if (sourceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from official_document where source_type = :type and source_id in (:ids) order by id")
			.param("type", sourceType)
			.param("ids", List.copyOf(sourceIds))
			.query((rs, n) -> document(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<IssuedDocument> readableFor(String sourceType, String sourceId, SignedInUser reader) {
		return jdbc.sql("""
				select * from official_document d where d.source_type = ? and d.source_id = ?
				and (? or exists (select 1 from document_reader r where r.document_id = d.id and r.agency = ?))
				order by d.id""")
			.params(sourceType, sourceId, agencies.isCityLevel(reader.agencyCode()), reader.agencyCode())
			.query((rs, n) -> document(rs))
			.list();
	}

	/**
	 * Rendered and signed (issue 19) outside any transaction: the lookups are done before, so no
	 * connection waits on the render.
	 */
	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public byte[] pdf(long id, SignedInUser reader) {
		IssuedDocument document = find(id, reader);
		// a letter leaving the platform as a file is a sensitive read (X1)
		audit.record("DOCUMENT_DOWNLOADED", "document", document.number(), "下载公文 PDF《%s》".formatted(document.title()));
		return signer.sign(renderer.render(document), document);
	}

	@Override
	@Transactional(readOnly = true)
	public String prefixOf(String agencyCode) {
		String set = prefixes.get().get(agencyCode);
		return set != null ? set : derivedPrefix(addressed(agencyCode));
	}

	@Override
	public String setPrefix(String agencyCode, String prefix) {
		addressed(agencyCode);
		String trimmed = prefix == null ? "" : prefix.trim();
		if (!PREFIX.matcher(trimmed).matches()) {
			throw DomainException.invalid("invalid-prefix", "机关代字应为 1 至 12 个汉字，例如“新华应急”");
		}
		jdbc.sql("delete from document_issuer where agency = ?").param(agencyCode).update();
		jdbc.sql("insert into document_issuer (agency, prefix) values (?, ?)").params(agencyCode, trimmed).update();
		referenceData.changed(ISSUERS);
		events.publishEvent(new IssuerPrefixChanged(agencyCode, trimmed));
		return trimmed;
	}

	/**
	 * The customary prefix when none is set: a county bureau's place without 区/县/市 (新华区 → 新华应急,
	 * 叶县 → 叶应急), the city bureau's first character (平顶山市 → 平应急), another department's short name.
	 */
	static String derivedPrefix(AgencySummary agency) {
		String place = agency.divisionName();
		if (agency.kind() == AgencyKind.COUNTY_BUREAU && place.length() > 1) {
			return place.substring(0, place.length() - 1) + "应急";
		}
		if (agency.kind().isCityLevel()) {
			return place.substring(0, 1) + "应急";
		}
		return agency.shortName();
	}


	private AgencySummary agency(String code) {
		return agencies.find(code)
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "机构 %s 不存在".formatted(code)));
	}

	/** The agency the address names ({@code /issuers/{agencyCode}}): an unknown one is a 404 (issue 20). */
	private AgencySummary addressed(String code) {
		return agencies.find(code)
			.orElseThrow(() -> DomainException.notFound("unknown-agency", "机构 %s 不存在".formatted(code)));
	}

	static IssuedDocument document(ResultSet rs) throws SQLException {
		long keyId = rs.getLong("signing_key_id");
		DocumentSignature signature = rs.wasNull() ? null : new DocumentSignature(keyId,
				rs.getString("content_digest"), rs.getString("signature"), DocumentSignature.ALGORITHM);
		return new IssuedDocument(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
				rs.getString("issuer_agency"), rs.getString("issuer_name"), rs.getString("title"),
				rs.getString("addressee"), rs.getString("body"), rs.getString("source_type"), rs.getString("source_id"),
				rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("issued_by_name"),
				signature);
	}
}
