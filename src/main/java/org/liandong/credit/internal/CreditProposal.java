package org.liandong.credit.internal;

import static org.liandong.credit.internal.CreditService.SOURCE;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.Severity;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.credit.Proposal;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Proposing to list the party of a major case as seriously dishonest (R4.2): the entry opens with a
 * written notice served on the party (R4.4) and a defence period of working days, once per case at a
 * time; the legal offices of the deciding city are told.
 */
@Component
class CreditProposal {

	private final EntryAccess access;
	private final Cases cases;
	private final Documents documents;
	private final WorkingCalendar calendar;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int defenceWorkingDays;
	private final int decisionWorkingDays;

	CreditProposal(EntryAccess access, Cases cases, Documents documents, WorkingCalendar calendar, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.credit.defence-working-days:5}") int defenceWorkingDays,
			@Value("${liandong.credit.decision-working-days:5}") int decisionWorkingDays) {
		this.access = access;
		this.cases = cases;
		this.documents = documents;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.defenceWorkingDays = defenceWorkingDays;
		this.decisionWorkingDays = decisionWorkingDays;
	}

	CreditEntryView propose(Proposal proposal, SignedInUser proposer) {
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
		String city = access.cityOf(proposer.agencyCode());
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
		// counted from the defence period's last day: its end is the first instant of the day after, which
		// endOfWorkingDays would take as the day to count from, a working day too late
		events.publishEvent(ListingDecisionDue.due(id, about.partyName(), city,
				calendar.endOfWorkingDays(defenceDue.minusSeconds(1), decisionWorkingDays)));
		access.legalOffices(city).forEach(office -> events.publishEvent(new InboxDelivery(office, null, "CREDIT_PROPOSED",
				"【失信名单】%s提出列入 %s".formatted(proposer.agencyName(), about.partyName()),
				"陈述申辩期至 %s，期满后请作出决定。".formatted(ChineseTime.format(defenceDue)), "/credit/entries/" + id,
				SOURCE, id + ":proposed")));
		return access.find(id, proposer);
	}

	private static DomainException alreadyProposed(CaseBrief about) {
		return DomainException.conflict("already-proposed", "案件 %s 的当事人已在列入程序中或已列入".formatted(about.number()));
	}
}
