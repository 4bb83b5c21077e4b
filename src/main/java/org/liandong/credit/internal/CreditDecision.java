package org.liandong.credit.internal;

import static org.liandong.credit.internal.CreditService.SOURCE;
import static org.liandong.credit.internal.EntryAccess.illegal;
import static org.liandong.credit.internal.EntryAccess.required;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.credit.EntryState;
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
import org.springframework.stereotype.Component;

/**
 * The city bureau's decision on a proposal, once the defence period is over or the party's statement
 * recorded (R4.2): list, published for the publication period and repairable after the minimum one,
 * or not list; a formal decision either way (R4.4), sent to the proposing bureau.
 */
@Component
class CreditDecision {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChineseTime.ZONE);

	private final EntryAccess access;
	private final Documents documents;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Period publication;
	private final Period repairAfter;

	CreditDecision(EntryAccess access, Documents documents, ApplicationEventPublisher events, Clock clock,
			@Value("${liandong.credit.publication:P3Y}") Period publication,
			@Value("${liandong.credit.repair-after:P1Y}") Period repairAfter) {
		this.access = access;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
		this.publication = publication;
		this.repairAfter = repairAfter;
	}

	CreditEntryView decide(long id, boolean list, String reason, SignedInUser legalOfficer) {
		CreditEntryView entry = access.find(id, legalOfficer);
		access.requireDecider(entry, legalOfficer);
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
				access.cityOf(legalOfficer.agencyCode()), fields, List.of(entry.proposingAgencyCode()), SOURCE, Long.toString(id),
				legalOfficer.getUsername(), legalOfficer.describe()));
		access.move(entry, "state = ?, open_case_id = " + (list ? "open_case_id" : "null") + ", decision_number = ?, decision_document_id = ?, decided_at = ?, decision_reason = ?,"
				+ " published_until = ?, repair_eligible_from = ?", list ? "PUBLISHED" : "NOT_LISTED", decision.number(),
				decision.id(), ChineseTime.utc(now), why, ChineseTime.utc(until), ChineseTime.utc(repairFrom));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), list ? "LISTED" : "NOT_LISTED",
				"%s（%s）".formatted(list ? "列入严重失信主体名单，公示至 " + ChineseTime.format(until) : "决定不予列入",
						decision.number())));
		events.publishEvent(ListingDecisionDue.decided(id, entry.decidingAgencyCode(), now));
		events.publishEvent(new InboxDelivery(entry.proposingAgencyCode(), null, "CREDIT_DECIDED",
				"【失信名单】%s：%s".formatted(entry.subjectName(), list ? "已列入" : "不予列入"), why,
				"/credit/entries/" + id, SOURCE, id + ":decided"));
		return access.find(id, legalOfficer);
	}
}
