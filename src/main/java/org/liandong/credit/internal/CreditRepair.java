package org.liandong.credit.internal;

import static org.liandong.credit.internal.CreditService.SOURCE;
import static org.liandong.credit.internal.EntryAccess.illegal;
import static org.liandong.credit.internal.EntryAccess.required;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditEvent;
import org.liandong.credit.EntryState;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Credit repair (R4.2): after the minimum publication period the city bureau takes a listed party off
 * the list, giving its reasons, in a formal repair decision (R4.4).
 */
@Component
record CreditRepair(EntryAccess access, Documents documents, ApplicationEventPublisher events, Clock clock) {

	CreditEntryView repair(long id, String reason, SignedInUser legalOfficer) {
		CreditEntryView entry = access.find(id, legalOfficer);
		access.requireDecider(entry, legalOfficer);
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
				access.cityOf(legalOfficer.agencyCode()), Map.of("addressee", entry.subjectName(), "decisionNumber",
						entry.decisionNumber(), "reason", why),
				List.of(entry.proposingAgencyCode()), SOURCE, Long.toString(id), legalOfficer.getUsername(),
				legalOfficer.describe()));
		access.move(entry, "state = 'REPAIRED', open_case_id = null, repair_number = ?, repair_document_id = ?, repaired_at = ?, repair_reason = ?,"
				+ " ended_at = ?", repaired.number(), repaired.id(), ChineseTime.utc(now), why, ChineseTime.utc(now));
		events.publishEvent(new CreditEvent(id, entry.subjectUscc(), "REPAIRED", "信用修复，移出名单（%s）"
			.formatted(repaired.number())));
		return access.find(id, legalOfficer);
	}
}
