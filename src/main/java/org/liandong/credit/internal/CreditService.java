package org.liandong.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.Severity;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.credit.CreditList;
import org.liandong.credit.EntryState;
import org.liandong.credit.Proposal;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The dishonest-list procedure, each step a formal document (R4.2, R4.4). */
@Service
@Validated
@Transactional
class CreditService implements CreditList {

	static final String SOURCE = "credit-entry";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChineseTime.ZONE);

	private final Cases cases;
	private final Agencies agencies;
	private final Documents documents;
	private final WorkingCalendar calendar;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int defenceWorkingDays;
	private final Period publication;
	private final Period repairAfter;

	CreditService(Cases cases, Agencies agencies, Documents documents, WorkingCalendar calendar, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.credit.defence-working-days:5}") int defenceWorkingDays,
			@Value("${liandong.credit.publication:P3Y}") Period publication,
			@Value("${liandong.credit.repair-after:P1Y}") Period repairAfter) {
		this.cases = cases;
		this.agencies = agencies;
		this.documents = documents;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.defenceWorkingDays = defenceWorkingDays;
		this.publication = publication;
		this.repairAfter = repairAfter;
	}

	@Override
	public CreditEntryView propose(Proposal proposal, SignedInUser proposer) {
		if (!proposer.hasRole("ENFORCER") && !proposer.hasRole("DETACHMENT_OFFICER") && !proposer.hasRole("LEGAL_OFFICER")) {
			throw DomainException.forbidden("not-case-officer", "只有执法人员或法制审核人员可以提出列入严重失信名单");
		}
		CaseBrief about = cases.brief(proposal.caseId(), proposer);
		if (about.access() != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位可以就该案件提出列入");
		}
		if (about.severity() != Severity.MAJOR) {
			throw DomainException.invalid("not-major-case", "列入严重失信主体名单须基于重大案件；案件 %s 不是重大案件"
				.formatted(about.number()));
		}
		if (about.partyUscc() == null) {
			throw DomainException.invalid("party-not-enterprise", "严重失信主体名单列入的是企业或其他组织，该案当事人没有统一社会信用代码");
		}
		boolean open = jdbc.sql("select count(*) from credit_entry where open_case_id = ?")
			.param(about.id()).query(Integer.class).single() > 0;
		if (open) {
			throw alreadyProposed(about);
		}
		String city = cityOf(proposer.agencyCode());
		Instant now = clock.instant();
		Instant defenceDue = calendar.endOfWorkingDays(now, defenceWorkingDays);
		KeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into credit_entry (subject_uscc, subject_name, case_id, open_case_id, case_number, proposing_agency,
					    deciding_agency, facts, legal_basis, state, notice_number, notice_document_id, notified_at,
					    defence_due_at, created_by_name, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOTIFIED', '', 0, ?, ?, ?, 0)""")
				.params(about.partyUscc(), about.partyName(), about.id(), about.id(), about.number(),
					proposer.agencyCode(), city, proposal.facts().trim(), proposal.legalBasis().trim(), ChineseTime.utc(now),
					ChineseTime.utc(defenceDue), proposer.describe())
				.update(key, "id");
		}
		catch (DuplicateKeyException proposedMeanwhile) {
			throw alreadyProposed(about);
		}
		long id = key.getKeyAs(Long.class);
		IssuedDocument notice = documents.issue(new NewDocument(DocumentKind.CREDIT_NOTICE, city,
				Map.of("addressee", about.partyName(), "caseNumber", about.number(), "facts", proposal.facts().trim(),
						"legalBasis", proposal.legalBasis().trim(), "defenceDue", ChineseTime.format(defenceDue)),
				List.of(proposer.agencyCode(), city), SOURCE, Long.toString(id), proposer.getUsername(),
				proposer.describe()));
		jdbc.sql("update credit_entry set notice_number = ?, notice_document_id = ? where id = ?")
			.params(notice.number(), notice.id(), id).update();
		cases.record(about.id(), proposer, "CREDIT_PROPOSED", "提出将当事人列入严重失信主体名单，告知书 " + notice.number());
		events.publishEvent(new CreditEvent(id, about.partyUscc(), "PROPOSED", "拟列入严重失信主体名单，告知书 %s，陈述申辩至 %s"
			.formatted(notice.number(), ChineseTime.format(defenceDue))));
		legalOffices(city).forEach(office -> events.publishEvent(new InboxDelivery(office, null, "CREDIT_PROPOSED",
				"【失信名单】%s提出列入 %s".formatted(proposer.agencyName(), about.partyName()),
				"陈述申辩期至 %s，期满后请作出决定。".formatted(ChineseTime.format(defenceDue)), "/credit/entries/" + id,
				SOURCE, id + ":proposed")));
		return find(id, proposer);
	}

	@Override
	public CreditEntryView recordDefence(long id, String statement, SignedInUser actor) {
		CreditEntryView entry = find(id, actor);
		requireDecider(entry, actor);
		if (entry.state() != EntryState.NOTIFIED) {
			throw illegal(entry, "记录陈述申辩");
		}
		String defence = required(statement, 4000, "defence-needs-text", "当事人的陈述申辩意见");
		move(entry, "defence_statement = ?, defence_recorded_at = ?", defence, ChineseTime.utc(clock.instant()));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), "DEFENCE", "记录当事人陈述申辩"));
		return find(id, actor);
	}

	@Override
	public CreditEntryView decide(long id, boolean list, String reason, SignedInUser legalOfficer) {
		CreditEntryView entry = find(id, legalOfficer);
		requireDecider(entry, legalOfficer);
		if (entry.state() != EntryState.NOTIFIED) {
			throw illegal(entry, "作出决定");
		}
		Instant now = clock.instant();
		if (entry.defenceRecordedAt() == null && now.isBefore(entry.defenceDueAt())) {
			throw DomainException.conflict("defence-period-running", "陈述申辩期至 %s，期满或记录当事人陈述申辩后方可作出决定"
				.formatted(ChineseTime.format(entry.defenceDueAt())));
		}
		String why = required(reason, 2000, "decision-needs-reason", "决定理由");
		Instant until = list ? now.atZone(ChineseTime.ZONE).plus(publication).toInstant() : null;
		Instant repairFrom = list ? now.atZone(ChineseTime.ZONE).plus(repairAfter).toInstant() : null;
		Map<String, String> fields = new HashMap<>();
		fields.put("addressee", entry.subjectName());
		fields.put("decision", list ? "将" + entry.subjectName() + "列入安全生产严重失信主体名单" : "不将" + entry.subjectName()
				+ "列入安全生产严重失信主体名单");
		fields.put("noticeNumber", entry.noticeNumber());
		fields.put("facts", entry.facts());
		fields.put("legalBasis", entry.legalBasis());
		fields.put("defence", entry.defenceStatement() == null ? "你单位在规定期限内未提出陈述、申辩" : entry.defenceStatement());
		fields.put("reason", why);
		fields.put("publishedUntil", until == null ? null : DAY.format(until));
		fields.put("repairFrom", repairFrom == null ? null : DAY.format(repairFrom));
		IssuedDocument decision = documents.issue(new NewDocument(DocumentKind.CREDIT_DECISION,
				cityOf(legalOfficer.agencyCode()), fields, List.of(entry.proposingAgencyCode()), SOURCE, Long.toString(id),
				legalOfficer.getUsername(), legalOfficer.describe()));
		move(entry, "state = ?, open_case_id = " + (list ? "open_case_id" : "null") + ", decision_number = ?, decision_document_id = ?, decided_at = ?, decision_reason = ?,"
				+ " published_until = ?, repair_eligible_from = ?", list ? "PUBLISHED" : "NOT_LISTED", decision.number(),
				decision.id(), ChineseTime.utc(now), why, ChineseTime.utc(until), ChineseTime.utc(repairFrom));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), list ? "LISTED" : "NOT_LISTED",
				"%s（%s）".formatted(list ? "列入严重失信主体名单，公示至 " + ChineseTime.format(until) : "决定不予列入",
						decision.number())));
		events.publishEvent(new InboxDelivery(entry.proposingAgencyCode(), null, "CREDIT_DECIDED",
				"【失信名单】%s：%s".formatted(entry.subjectName(), list ? "已列入" : "不予列入"), why,
				"/credit/entries/" + id, SOURCE, id + ":decided"));
		return find(id, legalOfficer);
	}

	@Override
	public CreditEntryView repair(long id, String reason, SignedInUser legalOfficer) {
		CreditEntryView entry = find(id, legalOfficer);
		requireDecider(entry, legalOfficer);
		if (entry.state() != EntryState.PUBLISHED) {
			throw illegal(entry, "信用修复");
		}
		Instant now = clock.instant();
		if (now.isBefore(entry.repairEligibleFrom())) {
			throw DomainException.conflict("repair-too-early", "列入满最短公示期后方可信用修复，%s 起可以申请"
				.formatted(ChineseTime.format(entry.repairEligibleFrom())));
		}
		String why = required(reason, 2000, "repair-needs-reason", "准予信用修复的理由（如已履行处罚决定、完成整改）");
		IssuedDocument repaired = documents.issue(new NewDocument(DocumentKind.CREDIT_REPAIR,
				cityOf(legalOfficer.agencyCode()), Map.of("addressee", entry.subjectName(), "decisionNumber",
						entry.decisionNumber(), "reason", why),
				List.of(entry.proposingAgencyCode()), SOURCE, Long.toString(id), legalOfficer.getUsername(),
				legalOfficer.describe()));
		move(entry, "state = 'REPAIRED', open_case_id = null, repair_number = ?, repair_document_id = ?, repaired_at = ?, repair_reason = ?,"
				+ " ended_at = ?", repaired.number(), repaired.id(), ChineseTime.utc(now), why, ChineseTime.utc(now));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), "REPAIRED", "信用修复，移出名单（%s）"
			.formatted(repaired.number())));
		return find(id, legalOfficer);
	}

	@Override
	@Transactional(readOnly = true)
	public CreditEntryView find(long id, SignedInUser reader) {
		CreditEntryView entry = jdbc.sql("select * from credit_entry where id = ?")
			.param(id)
			.query((rs, n) -> view(rs, names()))
			.optional()
			.orElseThrow(() -> unknown(id));
		if (!mayRead(entry, reader)) {
			throw unknown(id);
		}
		return entry;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<CreditEntryView> entries(EntryState state, String subject, SignedInUser reader, Pageable pageable) {
		Map<String, String> names = names();
		String wanted = subject == null ? "" : subject.trim();
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		return new PagedQuery("e.*", "credit_entry e",
				Map.of("notifiedAt", "e.notified_at", "publishedUntil", "e.published_until", "state", "e.state",
						"subjectName", "e.subject_name"),
				"e.id desc")
			.whereIf(!agency.kind().isCityLevel(), "(e.proposing_agency = ? or (e.state = 'PUBLISHED' and e.published_until > ?))",
					reader.agencyCode(), ChineseTime.utc(clock.instant()))
			.whereIf(agency.kind().isCityLevel(), "(e.deciding_agency = ? or (e.state = 'PUBLISHED' and e.published_until > ?))",
					cityOf(reader.agencyCode()), ChineseTime.utc(clock.instant()))
			.where("e.state = ?", state == null ? null : state.name())
			.whereIf(wanted.length() == 18, "e.subject_uscc = ?", wanted.toUpperCase())
			.whereIf(!wanted.isEmpty() && wanted.length() != 18, "e.subject_name = ?", wanted)
			.fetch(jdbc, pageable, (rs, n) -> view(rs, names));
	}

	/**
	 * Who reads an entry: everyone while it is on the public list; otherwise (in the defence period,
	 * not listed, repaired, expired) the deciding city's offices, the proposing bureau and the bureaus
	 * of the case.
	 */
	private boolean mayRead(CreditEntryView entry, SignedInUser reader) {
		if (entry.publishedAt(clock.instant()) || reader.agencyCode().equals(entry.proposingAgencyCode())) {
			return true;
		}
		AgencySummary agency = agencies.find(reader.agencyCode()).orElseThrow();
		if (agency.kind().isCityLevel() && cityOf(agency.code()).equals(entry.decidingAgencyCode())) {
			return true;
		}
		return cases.brief(entry.caseId(), reader).access() == CaseView.Access.FULL;
	}

	/** The text, trimmed; blank or longer than its column is refused in words. */
	private static String required(String text, int max, String code, String what) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(code, "请填写" + what);
		}
		if (text.trim().length() > max) {
			throw DomainException.invalid("text-too-long", "%s不能超过 %d 字".formatted(what.replaceAll("（.*）", ""), max));
		}
		return text.trim();
	}

	private static DomainException alreadyProposed(CaseBrief about) {
		return DomainException.conflict("already-proposed", "案件 %s 的当事人已在列入程序中或已列入".formatted(about.number()));
	}

	private static DomainException unknown(long id) {
		return DomainException.notFound("unknown-credit-entry", "失信名单记录 %d 不存在".formatted(id));
	}

	/** Ends the publication of entries whose period is over; safe on several instances. */
	int expire() {
		Instant now = clock.instant();
		List<CreditEntryView> ended = jdbc.sql("select * from credit_entry where state = 'PUBLISHED' and published_until < ?")
			.param(ChineseTime.utc(now)).query((rs, n) -> view(rs, Map.of())).list();
		int count = 0;
		for (CreditEntryView entry : ended) {
			if (jdbc.sql("update credit_entry set state = 'EXPIRED', open_case_id = null, ended_at = ?, version = version + 1"
					+ " where id = ? and state = 'PUBLISHED'").params(ChineseTime.utc(now), entry.id()).update() == 1) {
				events.publishEvent(new CreditEvent(entry.id(), entry.subjectUscc(), "EXPIRED", "公示期满，移出名单"));
				count++;
			}
		}
		return count;
	}

	private void move(CreditEntryView entry, String set, Object... values) {
		Object[] params = new Object[values.length + 2];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = entry.id();
		params[values.length + 1] = entry.version();
		int moved = jdbc.sql("update credit_entry set " + set + ", version = version + 1 where id = ? and version = ?")
			.params(params).update();
		if (moved == 0) {
			throw DomainException.conflict("stale-credit-entry", "该记录刚刚已被他人处理，请刷新后查看");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayDecide(long id, SignedInUser user) {
		return decides(find(id, user), user);
	}

	/** Decisions are the city bureau's, taken by the legal officers of its legal office. */
	private boolean decides(CreditEntryView entry, SignedInUser user) {
		return user.hasRole("LEGAL_OFFICER") && legalOffices(entry.decidingAgencyCode()).contains(user.agencyCode());
	}

	private void requireDecider(CreditEntryView entry, SignedInUser actor) {
		if (!decides(entry, actor)) {
			throw DomainException.forbidden("not-legal-officer", "只有市局法制审核人员可以办理列入、修复决定");
		}
	}

	private String cityOf(String agencyCode) {
		AgencySummary agency = agencies.find(agencyCode).orElseThrow();
		return agency.cityCode();
	}

	private List<String> legalOffices(String city) {
		List<String> offices = agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.LEGAL_OFFICE && city.equals(a.parentCode()))
			.map(AgencySummary::code).toList();
		return offices.isEmpty() ? List.of(city) : offices;
	}

	private Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	private static CreditEntryView view(ResultSet rs, Map<String, String> names) throws SQLException {
		String proposing = rs.getString("proposing_agency");
		return new CreditEntryView(rs.getLong("id"), rs.getString("subject_uscc"), rs.getString("subject_name"),
				rs.getLong("case_id"), rs.getString("case_number"), proposing, names.getOrDefault(proposing, proposing),
				rs.getString("deciding_agency"), rs.getString("facts"), rs.getString("legal_basis"), EntryState.valueOf(rs.getString("state")),
				rs.getString("notice_number"), rs.getLong("notice_document_id"), instant(rs, "notified_at"),
				instant(rs, "defence_due_at"), rs.getString("defence_statement"), instant(rs, "defence_recorded_at"),
				rs.getString("decision_number"), (Long) rs.getObject("decision_document_id", Long.class),
				instant(rs, "decided_at"), rs.getString("decision_reason"), instant(rs, "published_until"),
				instant(rs, "repair_eligible_from"), rs.getString("repair_number"),
				(Long) rs.getObject("repair_document_id", Long.class), instant(rs, "repaired_at"),
				rs.getString("repair_reason"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}


	private static DomainException illegal(CreditEntryView entry, String what) {
		return DomainException.conflict("illegal-transition", "该记录当前为“%s”，不能%s".formatted(entry.state().label(), what));
	}
}
