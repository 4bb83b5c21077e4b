package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.RequestAccess.requireVersion;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.liandong.agency.AgencySummary;
import org.liandong.assistance.AssistanceRequestTransitioned;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequestView.HistoryEntry;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction.Side;
import org.liandong.assistance.RequestState;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drafting an assistance request and revising it before it is sent (again) (R2.4): a case officer of
 * a bureau taking part in the case asks another emergency-management bureau to assist, with the
 * matters, their legal basis and the day the answer is wanted by.
 */
@Component
record AssistanceDrafting(RequestAccess access, AssistanceRequestStore requests, RequestHistory history,
		Cases cases, AgencyDirectory directory, ApplicationEventPublisher events, Clock clock) {

	AssistanceRequestView create(NewAssistanceRequest draft, SignedInUser requester) {
		requireCaseOfficer(requester, "办理协查请求");
		if (draft.caseId() == null) {
			throw DomainException.invalid("missing-case", "请选择协查所涉案件");
		}
		CaseBrief about = cases.brief(draft.caseId(), requester);
		if (about.access() != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位可以就该案件发起协查");
		}
		AgencySummary assisting = assistingAgency(draft.assistingAgencyCode(), requester);
		access.requireFutureDate(draft.answerBy());
		Instant now = clock.instant();
		AssistanceRequest created = requests.insert(AssistanceRequest.draft(about.id(), about.number(),
				requester.agencyCode(), assisting.code(), draft.matters().trim(), draft.legalBasis().trim(),
				draft.answerBy(), requester.getUsername(), requester.describe(), now));
		String drafted = "起草协查请求，拟请%s协助调查".formatted(assisting.name());
		history.append(created.id(), requester, "DRAFTED", drafted, now);
		events.publishEvent(new AssistanceRequestTransitioned(created.id(), null, null, null, RequestState.DRAFT,
				requester.agencyCode(), assisting.code(), "起草就案件 %s 请%s协助调查的请求".formatted(about.number(),
						assisting.name()), null));
		return access.viewOfDraft(created, requester, new HistoryEntry(now.truncatedTo(ChronoUnit.MICROS),
				requester.describe(), requester.agencyCode(), "DRAFTED", drafted));
	}

	AssistanceRequestView revise(long id, NewAssistanceRequest revision, SignedInUser requester) {
		AssistanceRequest r = access.load(id, requester);
		access.requireParty(r, Side.REQUESTER, "修改", requester);
		requireVersion(r, revision.version());
		AgencySummary assisting = assistingAgency(revision.assistingAgencyCode(), requester);
		access.requireFutureDate(revision.answerBy());
		Instant now = clock.instant();
		r.revise(assisting.code(), revision.matters().trim(), revision.legalBasis().trim(), revision.answerBy(),
				requester.describe(), now);
		r = access.save(r);
		history.append(id, requester, "REVISED", "修改协查请求（协助单位%s，答复期限%s）".formatted(assisting.name(),
				day(revision.answerBy())), now);
		return access.view(r, requester);
	}

	private AgencySummary assistingAgency(String code, SignedInUser requester) {
		AgencySummary agency = directory.emergencyAgency(code, "协助单位");
		if (agency.code().equals(requester.agencyCode())) {
			throw DomainException.invalid("assist-self", "不能请本单位协助调查，请选择其他单位");
		}
		return agency;
	}
}
