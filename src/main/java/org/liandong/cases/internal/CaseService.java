package org.liandong.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.audit.AuditTrail;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseChanged;
import org.liandong.cases.CaseFilter;
import org.liandong.cases.CaseNotified;
import org.liandong.cases.CaseRegistered;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.CaseSummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.CaseView.NotificationView;
import org.liandong.cases.Cases;
import org.liandong.cases.HostProposal;
import org.liandong.cases.NewCase;
import org.liandong.cases.NewNotification;
import org.liandong.cases.ParticipantRole;
import org.liandong.cases.Party;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.ResidentIdNumber;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The case register, its visibility rules and notifications. */
@Service
@Validated
@Transactional
class CaseService implements Cases {

	static final String NOTIFICATION_SOURCE = "case-notification";

	/** The documents module's source type for documents about a case (the 案件通报 of notifications). */
	static final String DOCUMENT_SOURCE = "case";

	private static final String LIST_COLUMNS = """
			c.id, c.number, c.status, c.severity, c.party_name, c.party_uscc, c.violation_type, c.division_code,
			c.host_agency, c.registered_at""";

	private static final Pattern USCC_SHAPE = Pattern.compile("(?i)[0-9A-HJ-NPQRTUWXY]{18}");

	/** A bureau's cases: those it takes part in or was notified of (X2); the placeholder is the bureau. */
	private static final String VISIBLE_TO_BUREAU = "enforcement_case c join case_access x on x.case_id = c.id and x.agency = ?";

	private final CaseRepository cases;
	private final CaseNumbers numbers;
	private final CaseTimeline timeline;
	private final CaseAccess grants;
	private final TerritorialHosting hosting;
	private final Agencies agencies;
	private final FieldCipher cipher;
	private final AuditTrail audit;
	private final Documents documents;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseService(CaseRepository cases, CaseNumbers numbers, CaseTimeline timeline, CaseAccess grants,
			TerritorialHosting hosting,
			Agencies agencies, FieldCipher cipher, AuditTrail audit, Documents documents, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.numbers = numbers;
		this.timeline = timeline;
		this.grants = grants;
		this.hosting = hosting;
		this.agencies = agencies;
		this.cipher = cipher;
		this.audit = audit;
		this.documents = documents;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public HostProposal proposeHost(String divisionCode, SupervisionLevel level) {
		return hosting.propose(divisionCode, level);
	}

	@Override
	public CaseView register(NewCase request, SignedInUser registrar) {
		Editor editor = Editor.of(registrar);
		PartyFacts party = party(request);
		DivisionSummary place = agencies.division(request.divisionCode())
			.orElseThrow(() -> DomainException.invalid("unknown-division",
					"案件发生地的行政区划代码 %s 不存在".formatted(request.divisionCode())));
		HostProposal proposal = hosting.propose(place.code(), request.supervisionLevel());
		AgencySummary host = host(request, proposal);
		List<String> assisting = knownAgencies(request.participantCodes(), "协办单位");
		AgencySummary registering = agencies.find(registrar.agencyCode()).orElseThrow();
		Instant now = clock.instant();
		int year = now.atZone(ChineseTime.ZONE).getYear();
		int seq = numbers.next(registering.code(), year);
		boolean overridden = !host.code().equals(proposal.agencyCode());
		EnforcementCase registered = cases.save(EnforcementCase.register(new EnforcementCase.Registration(
				CaseNumbers.format(registering.shortName(), year, seq), registering.code(), year, seq,
				request.partyKind(), request.partyName().trim(), party.uscc(), party.idCipher(), party.idMasked(),
				request.supervisionLevel(), place.code(), request.violationType().trim(), request.severity(),
				blankToNull(request.summary()), request.occurredOn(), host.code(), proposal.agencyCode(),
				overridden ? request.hostOverrideReason().trim() : null), assisting, editor, now));
		long id = registered.id();
		grants.grantFull(registered, agenciesOn(registered));
		timeline.append(id, editor, "REGISTERED", "立案登记，案号 %s（%s）".formatted(registered.number(),
				request.severity().label()), now);
		timeline.append(id, editor, overridden ? "HOST_OVERRIDDEN" : "HOST_CONFIRMED", overridden
				? "%s。登记人改由%s主办，理由：%s".formatted(proposal.reasoning(), host.name(), registered.hostOverrideReason())
				: "%s；登记人确认".formatted(proposal.reasoning()), now);
		events.publishEvent(new CaseRegistered(id, registered.number(), host.code(), request.severity()));
		return view(registered, CaseView.Access.FULL, registrar);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<CaseSummary> list(CaseFilter filter, SignedInUser reader, Pageable pageable) {
		boolean all = agencies.isCityLevel(reader.agencyCode());
		PagedQuery query = new PagedQuery(LIST_COLUMNS, all ? "enforcement_case c" : VISIBLE_TO_BUREAU,
				Map.of("number", "c.number", "registeredAt", "c.registered_at", "status", "c.status", "partyName",
						"c.party_name", "hostAgencyCode", "c.host_agency"),
				"c.id desc");
		if (!all) {
			query.fromParams(reader.agencyCode());
		}
		String party = filter.party() == null ? "" : filter.party().trim();
		Map<String, AgencySummary> names = agencyMap();
		// a bureau filters on its access rows' copies of status and registration time (indexed per agency)
		String own = all ? "c" : "x";
		return query.where(own + ".status = ?", filter.status() == null ? null : filter.status().name())
			.where("c.severity = ?", filter.severity() == null ? null : filter.severity().name())
			.where("c.violation_type = ?", filter.violationType())
			.where("c.host_agency = ?", filter.agencyCode())
			.where(own + ".registered_at >= ?", startOf(filter.from()))
			.where(own + ".registered_at < ?", startOf(filter.to() == null ? null : filter.to().plusDays(1)))
			// text that has the shape of a USCC is a code search (an index lookup), anything else a name search
			.whereIf(USCC_SHAPE.matcher(party).matches(), "c.party_uscc = ?", party.toUpperCase())
			.whereIf(!party.isEmpty() && !USCC_SHAPE.matcher(party).matches(), "lower(c.party_name) like ?",
					"%" + PagedQuery.literal(party.toLowerCase()) + "%")
			.fetch(jdbc, pageable, (rs, n) -> summary(rs, names));
	}

	@Override
	public CaseView find(long id, SignedInUser reader) {
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		CaseView.Access access = accessOf(found, reader);
		if (!found.editableBy(reader.agencyCode())) {
			// reading a case of another bureau is a sensitive read (X1)
			audit.record("CASE_READ", "case", found.number(),
					access == CaseView.Access.FULL ? "查阅案件详情" : "查阅被通报案件摘要");
		}
		return view(found, access, reader);
	}

	@Override
	public CaseView change(long id, CaseChange change, SignedInUser editor) {
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		accessOf(found, editor);
		if (!found.editableBy(editor.agencyCode())) {
			throw DomainException.forbidden("not-case-owner", "只有主办单位或立案单位可以修改该案件");
		}
		if (change.version() != found.version()) {
			throw stale(found);
		}
		knownAgencies(change.addParticipantCodes(), "协办单位");
		Instant now = clock.instant();
		CaseStatus statusBefore = found.status();
		Map<String, AgencySummary> names = agencyMap();
		List<String> changes = found.apply(change, Editor.of(editor), now, code -> name(names, code));
		if (changes.isEmpty()) {
			return view(found, CaseView.Access.FULL, editor);
		}
		found = saveOrStale(found);
		grants.grantFull(found, agenciesOn(found));
		if (found.status() != statusBefore) {
			grants.statusChanged(found);
		}
		String description = String.join("；", changes);
		timeline.append(id, Editor.of(editor), "CHANGED", description, now);
		events.publishEvent(new CaseChanged(id, found.number(), description));
		return view(found, CaseView.Access.FULL, editor);
	}

	@Override
	public List<NotificationView> notify(long id, NewNotification notification, SignedInUser sender) {
		// a concurrent edit of the status waits, so the recipients' access rows copy the current status
		jdbc.sql("select id from enforcement_case where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> notFound(id));
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		if (accessOf(found, sender) != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位或市局可以通报该案件");
		}
		Set<String> recipients = new LinkedHashSet<>(knownAgencies(notification.recipientCodes(), "通报对象"));
		if (recipients.contains(sender.agencyCode())) {
			throw DomainException.invalid("notify-self", "不能向本单位通报案件，请选择其他单位");
		}
		Instant now = clock.instant();
		Editor editor = Editor.of(sender);
		Map<String, AgencySummary> names = agencyMap();
		String message = blankToNull(notification.message());
		for (String recipient : recipients) {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into case_notification (case_id, from_agency, to_agency, message, sent_at, sent_by, sent_by_name)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, sender.agencyCode(), recipient, message, utc(now), sender.getUsername(), editor.describe())
				.update(key, "id");
			long notificationId = key.getKeyAs(Long.class);
			grants.grantSummary(found, recipient);
			events.publishEvent(new InboxDelivery(recipient, null, "CASE_NOTIFICATION",
					"【案件通报】%s通报案件 %s".formatted(sender.agencyName(), found.number()),
					inboxBody(found, sender, message), "/cases/" + id, NOTIFICATION_SOURCE,
					Long.toString(notificationId)));
		}
		String to = recipients.stream().map(code -> names.get(code).name()).collect(Collectors.joining("、"));
		IssuedDocument notice = documents.issue(new NewDocument(DocumentKind.CASE_NOTIFICATION, sender.agencyCode(),
				notificationFields(found, to, message), List.copyOf(recipients), DOCUMENT_SOURCE, Long.toString(id),
				sender.getUsername(), editor.describe()));
		timeline.append(id, editor, "NOTIFIED", "向%s通报本案（%s）%s".formatted(to, notice.number(),
				message == null ? "" : "，附言：" + message), now);
		events.publishEvent(new CaseNotified(id, found.number(), sender.agencyCode(), List.copyOf(recipients)));
		return notifications(id, names);
	}

	@Override
	@Transactional(readOnly = true)
	public CaseBrief brief(long id, SignedInUser reader) {
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		return new CaseBrief(id, found.number(), found.partyName(), found.partyUscc(), found.violationType(),
				found.severity(),
				found.hostAgency(), accessOf(found, reader));
	}

	@Override
	public void involve(long id, String agencyCode, ParticipantRole role, SignedInUser actor, String why) {
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		Instant now = clock.instant();
		if (found.involve(agencyCode, role, Editor.of(actor), now)) {
			found = saveOrStale(found);
			grants.grantFull(found, List.of(agencyCode));
			timeline.append(id, Editor.of(actor), "PARTICIPANT_ADDED",
					"%s作为%s单位加入本案：%s".formatted(name(agencyMap(), agencyCode), role.label(), why), now);
		}
	}

	@Override
	public void designate(long id, Map<String, ParticipantRole> roles, SignedInUser designator, String why) {
		EnforcementCase found = cases.findById(id).orElseThrow(() -> notFound(id));
		Instant now = clock.instant();
		String hostBefore = found.hostAgency();
		found.designate(roles, Editor.of(designator), now);
		found = saveOrStale(found);
		grants.grantFull(found, agenciesOn(found));
		Map<String, AgencySummary> names = agencyMap();
		String parties = roles.entrySet().stream()
			.map(e -> name(names, e.getKey()) + e.getValue().label())
			.collect(Collectors.joining("、"));
		timeline.append(id, Editor.of(designator), "DESIGNATED", "%s：%s%s".formatted(why, parties,
				hostBefore.equals(found.hostAgency()) ? "" : "；主办单位由%s改为%s".formatted(name(names, hostBefore),
						name(names, found.hostAgency()))), now);
		events.publishEvent(new CaseChanged(id, found.number(), "指定管辖：" + parties));
	}

	@Override
	public void record(long id, SignedInUser actor, String kind, String detail) {
		cases.findById(id).orElseThrow(() -> notFound(id));
		timeline.append(id, Editor.of(actor), kind, detail, clock.instant());
	}

	private EnforcementCase saveOrStale(EnforcementCase found) {
		try {
			return cases.save(found);
		}
		catch (OptimisticLockingFailureException concurrent) {
			throw stale(cases.findById(found.id()).orElseThrow(() -> notFound(found.id())));
		}
	}

	private Map<String, String> notificationFields(EnforcementCase found, String addressee, String message) {
		Map<String, String> fields = new HashMap<>();
		fields.put("addressee", addressee);
		fields.put("caseNumber", found.number());
		fields.put("partyName", found.partyName());
		fields.put("violationType", found.violationType());
		fields.put("place", agencies.division(found.divisionCode()).map(DivisionSummary::name).orElse(found.divisionCode()));
		fields.put("severity", found.severity().label());
		fields.put("status", found.status().label());
		fields.put("message", message);
		return fields;
	}

	private String inboxBody(EnforcementCase found, SignedInUser sender, String message) {
		String party = found.partyName() + (found.partyUscc() == null ? "" : "（" + found.partyUscc() + "）");
		String place = agencies.division(found.divisionCode()).map(DivisionSummary::name).orElse(found.divisionCode());
		return "当事人：%s；违法类型：%s；发生地：%s；%s；状态：%s。%s".formatted(party, found.violationType(), place,
				found.severity().label(), found.status().label(), message == null ? "" : "附言：" + message);
	}

	/** Full access for agencies on the case and the city level, a summary for notified bureaus, else not found. */
	private CaseView.Access accessOf(EnforcementCase found, SignedInUser reader) {
		if (agencies.isCityLevel(reader.agencyCode()) || found.involves(reader.agencyCode())) {
			return CaseView.Access.FULL;
		}
		return grants.of(found.id(), reader.agencyCode()).orElseThrow(() -> notFound(found.id()));
	}

	private static List<String> agenciesOn(EnforcementCase c) {
		return c.participants().stream().map(CaseParticipant::agency).toList();
	}


	private PartyFacts party(NewCase request) {
		if (request.partyKind() == PartyKind.ENTERPRISE) {
			if (request.partyUscc() == null || request.partyUscc().isBlank()) {
				throw DomainException.invalid("missing-uscc", "当事人为企业或其他组织时，请填写统一社会信用代码");
			}
			return new PartyFacts(UnifiedSocialCreditCode.of(request.partyUscc()).value(), null, null);
		}
		if (request.partyIdNumber() == null || request.partyIdNumber().isBlank()) {
			throw DomainException.invalid("missing-id-number", "当事人为个人时，请填写公民身份号码");
		}
		ResidentIdNumber id = ResidentIdNumber.of(request.partyIdNumber());
		return new PartyFacts(null, cipher.encrypt(id.value()), id.masked());
	}

	private AgencySummary host(NewCase request, HostProposal proposal) {
		String wanted = blankToNull(request.hostAgencyCode());
		if (wanted == null) {
			if (!proposal.found()) {
				throw DomainException.invalid("no-host", proposal.reasoning());
			}
			return agencies.find(proposal.agencyCode()).orElseThrow();
		}
		AgencySummary host = agencies.find(wanted)
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "主办机构 %s 不存在".formatted(wanted)));
		if (host.kind() == AgencyKind.EXTERNAL_DEPARTMENT) {
			throw DomainException.invalid("host-not-emergency", "主办机构须为应急管理部门，“%s”是其他部门".formatted(host.name()));
		}
		if (!host.code().equals(proposal.agencyCode()) && blankToNull(request.hostOverrideReason()) == null) {
			throw DomainException.invalid("override-needs-reason", proposal.found()
					? "按属地原则应由%s主办；改由%s主办时，请说明理由".formatted(proposal.agencyName(), host.name())
					: proposal.reasoning());
		}
		return host;
	}

	private List<String> knownAgencies(List<String> codes, String what) {
		if (codes == null) {
			return List.of();
		}
		List<String> known = new ArrayList<>();
		for (String code : new LinkedHashSet<>(codes)) {
			String trimmed = code == null ? "" : code.trim();
			AgencySummary agency = agencies.find(trimmed)
				.orElseThrow(() -> DomainException.invalid("unknown-agency", "%s %s 不存在".formatted(what, trimmed)));
			if (agency.kind() == AgencyKind.EXTERNAL_DEPARTMENT) {
				// other departments join through agreements and memoranda (R3, R4), not the case register
				throw DomainException.invalid("not-emergency-agency",
						"%s须为应急管理部门，“%s”是其他部门".formatted(what, agency.name()));
			}
			known.add(trimmed);
		}
		return known;
	}

	private CaseView view(EnforcementCase c, CaseView.Access access, SignedInUser reader) {
		Map<String, AgencySummary> names = agencyMap();
		boolean full = access == CaseView.Access.FULL;
		Party party = new Party(c.partyKind(), c.partyName(), c.partyUscc(), full ? c.partyIdMasked() : null);
		String divisionName = agencies.division(c.divisionCode()).map(DivisionSummary::name).orElse(c.divisionCode());
		List<CaseView.Participant> participants = full ? c.participants().stream()
			.sorted((a, b) -> a.role().compareTo(b.role()))
			.map(p -> new CaseView.Participant(p.agency(), name(names, p.agency()), p.role()))
			.toList() : List.of();
		return new CaseView(c.id(), c.number(), c.status(), c.severity(), party, c.supervisionLevel(), c.divisionCode(),
				divisionName, c.violationType(), full ? c.summary() : null, c.occurredOn(), c.hostAgency(),
				name(names, c.hostAgency()), full ? c.proposedHostAgency() : null, full ? c.hostOverrideReason() : null,
				full ? c.registeringAgency() : null, c.registeredAt(), full ? c.lastChangedByName() : null,
				full ? c.lastChangedAt() : null, c.version(), access,
				participants, full ? timeline.of(c.id()) : List.of(), full ? notifications(c.id(), names) : List.of(),
				documents.readableFor(DOCUMENT_SOURCE, Long.toString(c.id()), reader).stream()
					.map(d -> new CaseView.DocumentLink(d.id(), d.number(), d.title(), d.issuedAt()))
					.toList());
	}

	private List<NotificationView> notifications(long caseId, Map<String, AgencySummary> names) {
		return jdbc.sql("select * from case_notification where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new NotificationView(rs.getLong("id"), rs.getString("to_agency"),
					name(names, rs.getString("to_agency")), rs.getString("message"), instant(rs, "sent_at"),
					rs.getString("sent_by_name"), instant(rs, "delivered_at"), instant(rs, "read_at"),
					rs.getString("read_by_name")))
			.list();
	}

	private Map<String, AgencySummary> agencyMap() {
		return agencies.all().stream().collect(Collectors.toMap(AgencySummary::code, Function.identity()));
	}

	private static String name(Map<String, AgencySummary> names, String code) {
		AgencySummary agency = names.get(code);
		return agency == null ? code : agency.name();
	}

	private static CaseSummary summary(ResultSet rs, Map<String, AgencySummary> names) throws SQLException {
		String host = rs.getString("host_agency");
		return new CaseSummary(rs.getLong("id"), rs.getString("number"), CaseStatus.valueOf(rs.getString("status")),
				Severity.valueOf(rs.getString("severity")), rs.getString("party_name"), rs.getString("party_uscc"),
				rs.getString("violation_type"), rs.getString("division_code"), host, name(names, host),
				instant(rs, "registered_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(ChineseTime.ZONE).toOffsetDateTime();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static DomainException stale(EnforcementCase current) {
		return DomainException.conflict("stale-edit", "该案件已被 %s 于 %s 修改，请刷新后在最新内容上重新编辑"
			.formatted(current.lastChangedByName(), ChineseTime.format(current.lastChangedAt())));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-case", "案件 %d 不存在".formatted(id));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private record PartyFacts(String uscc, String idCipher, String idMasked) {
	}
}
