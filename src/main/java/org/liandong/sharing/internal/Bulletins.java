package org.liandong.sharing.internal;

import static org.liandong.sharing.internal.SharingRecords.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SignOffPolicies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.MultiRowInsert;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.sharing.AwaitedBulletin;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.SharingEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Incident bulletins (R6.3): sent to every county bureau at once, each of which acknowledges it
 * within the window ({@code liandong.sharing.bulletin-ack-window}); the city bureau sees every
 * bulletin, and {@link SharingWatch} escalates the missing acknowledgements to it. Runs in the
 * transaction of the {@link SharingService} method that calls it.
 */
@Component
class Bulletins {

	/** The source a bulletin's document is filed under. */
	static final String DOCUMENT_SOURCE = "bulletin";

	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration ackWindow;
	private final SharingRecords records;
	private final Documents documents;
	private final SignOffPolicies signOff;
	private final Duration signOffWindow;

	Bulletins(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.sharing.bulletin-ack-window:30m}") Duration ackWindow, SharingRecords records,
			Documents documents, SignOffPolicies signOff,
			@Value("${liandong.sharing.bulletin-sign-off-window:24h}") Duration signOffWindow) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.ackWindow = ackWindow;
		this.records = records;
		this.documents = documents;
		this.signOff = signOff;
		this.signOffWindow = signOffWindow;
	}

	Bulletin send(String title, String body, SignedInUser sender) {
		AgencySummary from = agencies.find(sender.agencyCode()).orElseThrow();
		if (from.kind() == AgencyKind.EXTERNAL_DEPARTMENT
				|| !(sender.hasRole("LEADER") || sender.hasRole("DETACHMENT_OFFICER") || sender.hasRole("LIAISON"))) {
			throw DomainException.forbidden("not-sender", "快报由应急管理部门的领导、执法支队或信息联络员发出");
		}
		if (title == null || title.isBlank() || title.length() > 200 || body == null || body.isBlank()
				|| body.length() > 8000) {
			throw DomainException.invalid("bulletin-incomplete", "请填写快报标题（不超过 200 字）和内容（不超过 8000 字）");
		}
		Instant now = clock.instant();
		// to the microsecond, as the database keeps it: the ledger's due instant is the one a miss reports
		Instant due = now.plus(ackWindow).truncatedTo(ChronoUnit.MICROS);
		String city = records.cityOf(from);
		// where the bureau's bulletins need its leader's sign-off, they go first and are signed off after
		// (issue 23, 先发后签); a leader's own sending is the sign-off
		boolean signedOffBySender = signOff.required(from.code(), DocumentKind.INCIDENT_BULLETIN) && sender.hasRole("LEADER");
		boolean signOffAfter = signOff.required(from.code(), DocumentKind.INCIDENT_BULLETIN) && !signedOffBySender;
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into bulletin (title, body, sender_agency, sent_by_name, sent_at, ack_due_at, city_agency,
				    sign_off_pending, signed_off_by_name, signed_off_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(title.trim(), body.trim(), from.code(), sender.describe(), ChineseTime.utc(now), ChineseTime.utc(due), city,
					signOffAfter, signedOffBySender ? sender.describe() : null,
					signedOffBySender ? ChineseTime.utc(now) : null)
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		// every county bureau; the city bureau sees every bulletin and hears of the missing acknowledgements
		List<String> recipients = new ArrayList<>(records.bureaus(city));
		recipients.remove(from.code());
		if (signOffAfter) {
			events.publishEvent(SharingObligation.SIGN_OFF_BULLETIN.due(id, title.trim(), from.code(),
					now.plus(signOffWindow).truncatedTo(ChronoUnit.MICROS)));
			events.publishEvent(new InboxDelivery(from.code(), null, "BULLETIN_SIGN_OFF",
					"【待补签】快报《%s》已先行发出，请本单位领导补签发".formatted(title.trim()),
					"补签发后快报编号、加盖本单位电子签章，各单位可下载正式文本。", "/bulletins/" + id, "bulletin",
					Long.toString(id), from.code()));
		}
		// one statement for every recipient's row: a province's city has over a hundred bureaus (issue 18)
		MultiRowInsert.into(jdbc, "bulletin_ack", List.of("bulletin_id", "agency"),
				recipients.stream().map(recipient -> new Object[] { id, recipient }).toList());
		for (String recipient : recipients) {
			events.publishEvent(SharingObligation.ACKNOWLEDGE_BULLETIN.due(id, title.trim(), recipient, due));
			events.publishEvent(new InboxDelivery(recipient, null, "BULLETIN",
					"【快报】%s（请于 %s 前签收）".formatted(title.trim(), ChineseTime.format(due)), body.trim(),
					"/bulletins/" + id, "bulletin", Long.toString(id), from.code()));
		}
		events.publishEvent(new SharingEvent("bulletin", id, "BULLETIN", "发出快报《%s》至 %d 个单位，%d 分钟内签收".formatted(
				title.trim(), recipients.size(), ackWindow.toMinutes())));
		// the number last: taking it locks the bureau's sequence until the commit, and every recipient's
		// message and obligation before it would hold the bureau's other documents that long (the soak, issue 24)
		if (!signOffAfter) {
			issueDocument(id, title.trim(), body.trim(), due, from, recipients, sender,
					signedOffBySender ? sender.displayName() : null);
		}
		return bulletin(id, sender);
	}

	/**
	 * A leader of the sending bureau signs off a bulletin that went first (issue 23, 先发后签): its
	 * document is numbered and sealed now, by this act, naming the leader as 签发人.
	 */
	Bulletin signOff(long id, SignedInUser leader) {
		Bulletin found = bulletin(id, leader);
		if (!leader.hasRole("LEADER") || !leader.agencyCode().equals(found.senderAgencyCode())) {
			throw DomainException.forbidden("not-signatory", "只有发出单位（%s）的局领导可以补签发该快报"
				.formatted(found.senderAgencyName()));
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update bulletin set sign_off_pending = false, signed_off_by_name = ?, signed_off_at = ?
				where id = ? and sign_off_pending = true""")
			.params(leader.describe(), ChineseTime.utc(now), id)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("not-awaiting-sign-off", found.documentNumber() == null ? "该快报无需补签发"
					: "该快报已签发（文号 %s）".formatted(found.documentNumber()));
		}
		AgencySummary from = agencies.find(found.senderAgencyCode()).orElseThrow();
		issueDocument(id, found.title(), found.body(), found.ackDueAt(), from,
				found.acknowledgements().stream().map(Bulletin.Acknowledgement::agencyCode).toList(), leader,
				leader.displayName());
		events.publishEvent(SharingObligation.SIGN_OFF_BULLETIN.settled(id, from.code(), now, true));
		events.publishEvent(new SharingEvent("bulletin", id, "BULLETIN_SIGNED_OFF", "%s补签发快报《%s》".formatted(
				leader.describe(), found.title())));
		return bulletin(id, leader);
	}

	/** The bulletin as an official document (X3): numbered, signed and readable by its sender and recipients. */
	private void issueDocument(long id, String title, String body, Instant due, AgencySummary from,
			List<String> recipients, SignedInUser issuer, String signer) {
		// every bureau of the city is named collectively, as the evaluation report does (GB/T 9704 主送 统称): a
		// list of their names outgrows the line once a city has more than a few dozen bureaus
		String addressee = "各县（市、区）应急管理局";
		List<String> readers = new ArrayList<>(recipients);
		readers.add(from.code());
		Map<String, String> fields = new HashMap<>(Map.of("addressee", addressee, "title", title, "body", body,
				"acknowledgeBy", ChineseTime.format(due)));
		if (signer != null) {
			fields.put("signer", signer);
		}
		documents.issue(new NewDocument(DocumentKind.INCIDENT_BULLETIN, from.code(), fields, readers, DOCUMENT_SOURCE,
				Long.toString(id), issuer.getUsername(), issuer.describe()));
	}

	Page<Bulletin> bulletins(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Page<Long> ids = new PagedQuery("b.id", "bulletin b", Map.of("sentAt", "b.sent_at"), "b.id desc")
			.whereIf(!city, "(b.sender_agency = ? or exists (select 1 from bulletin_ack a where a.bulletin_id = b.id and a.agency = ?))",
					reader.agencyCode(), reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> rs.getLong("id"));
		// the page's bulletins, their acknowledgements and documents in three reads, whatever the page's size
		Map<Long, Bulletin> loaded = load(ids.getContent());
		return ids.map(loaded::get);
	}

	/** A bulletin its sender, its recipients and the city level may see. */
	Bulletin bulletin(long id, SignedInUser reader) {
		Bulletin found = load(id);
		boolean involved = found.senderAgencyCode().equals(reader.agencyCode())
				|| found.acknowledgements().stream().anyMatch(a -> a.agencyCode().equals(reader.agencyCode()));
		if (!involved && !agencies.isCityLevel(reader.agencyCode())) {
			throw DomainException.notFound("unknown-bulletin", "快报 %d 不存在".formatted(id));
		}
		return found;
	}

	/** What these bureaus have not acknowledged yet, newest first, five per bureau at most. */
	List<AwaitedBulletin> awaiting(Collection<String> agencyCodes) {
		if (agencyCodes.isEmpty()) {
			return List.of();
		}
		List<AwaitedBulletin> all = jdbc.sql("""
				select b.id, a.agency, b.title, b.sender_agency, b.sent_at, b.ack_due_at from bulletin_ack a
				join bulletin b on b.id = a.bulletin_id
				where a.agency in (:agencies) and a.acknowledged_at is null
				order by a.agency, b.sent_at desc, b.id desc""")
			.param("agencies", List.copyOf(agencyCodes))
			.query((rs, n) -> new AwaitedBulletin(rs.getLong("id"), rs.getString("agency"), rs.getString("title"),
					agencies.find(rs.getString("sender_agency")).map(AgencySummary::name).orElse(rs.getString("sender_agency")),
					instant(rs, "sent_at"), instant(rs, "ack_due_at")))
			.list();
		Map<String, Integer> shown = new HashMap<>();
		return all.stream().filter(b -> shown.merge(b.agencyCode(), 1, Integer::sum) <= 5).toList();
	}

	/** A recipient's liaison or leader acknowledges, once, for the bureau. */
	Bulletin acknowledge(long id, SignedInUser liaison) {
		Bulletin found = bulletin(id, liaison);
		if (!liaison.hasRole("LIAISON") && !liaison.hasRole("LEADER")) {
			throw DomainException.forbidden("not-liaison", "快报由本单位信息联络员或领导签收");
		}
		if (found.acknowledgements().stream().noneMatch(a -> a.agencyCode().equals(liaison.agencyCode()))) {
			throw DomainException.forbidden("not-recipient", "本单位不是该快报的接收单位");
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update bulletin_ack set acknowledged_at = ?, acknowledged_by_name = ?
				where bulletin_id = ? and agency = ? and acknowledged_at is null""")
			.params(ChineseTime.utc(now), liaison.describe(), id, liaison.agencyCode()).update();
		if (updated == 0) {
			throw DomainException.conflict("already-acknowledged", "本单位已签收该快报");
		}
		events.publishEvent(SharingObligation.ACKNOWLEDGE_BULLETIN.settled(id, liaison.agencyCode(), now, true));
		events.publishEvent(new SharingEvent("bulletin", id, "ACKNOWLEDGED", "%s签收快报《%s》".formatted(
				liaison.agencyName(), found.title())));
		return bulletin(id, liaison);
	}

	private Bulletin load(long id) {
		Bulletin found = load(List.of(id)).get(id);
		if (found == null) {
			throw DomainException.notFound("unknown-bulletin", "快报 %d 不存在".formatted(id));
		}
		return found;
	}

	/** The bulletins with these ids, by id: each with its acknowledgements and its document, if issued. */
	private Map<Long, Bulletin> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = records.names();
		Map<Long, IssuedDocument> documentOf = new HashMap<>();
		documents.issuedForAll(DOCUMENT_SOURCE, ids.stream().map(String::valueOf).toList())
			.forEach(d -> documentOf.putIfAbsent(Long.valueOf(d.sourceId()), d));
		Map<Long, List<Bulletin.Acknowledgement>> acknowledgements = new HashMap<>();
		jdbc.sql("select * from bulletin_ack where bulletin_id in (:ids) order by bulletin_id, agency")
			.param("ids", ids)
			.query(a -> {
				acknowledgements.computeIfAbsent(a.getLong("bulletin_id"), id -> new ArrayList<>())
					.add(new Bulletin.Acknowledgement(a.getString("agency"),
							names.getOrDefault(a.getString("agency"), a.getString("agency")), instant(a, "acknowledged_at"),
							a.getString("acknowledged_by_name"), a.getObject("escalated_at") != null));
			});
		Map<Long, Bulletin> bulletins = new HashMap<>();
		jdbc.sql("select * from bulletin where id in (:ids)").param("ids", ids)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				Optional<IssuedDocument> document = Optional.ofNullable(documentOf.get(id));
				return new Bulletin(id, document.map(IssuedDocument::id).orElse(null),
					document.map(IssuedDocument::number).orElse(null), rs.getString("title"), rs.getString("body"),
					rs.getString("sender_agency"),
					names.getOrDefault(rs.getString("sender_agency"), ""), rs.getString("sent_by_name"),
					instant(rs, "sent_at"), instant(rs, "ack_due_at"), rs.getBoolean("sign_off_pending"),
					rs.getString("signed_off_by_name"), instant(rs, "signed_off_at"),
					acknowledgements.getOrDefault(id, List.of()));
			})
			.list()
			.forEach(b -> bulletins.put(b.id(), b));
		return bulletins;
	}
}
