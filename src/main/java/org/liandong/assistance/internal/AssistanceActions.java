package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.ACCEPT_REQUEST;
import static org.liandong.assistance.ObligationOverdue.Obligation.ANSWER_REQUEST;
import static org.liandong.assistance.internal.AssistanceObligations.confirmationDue;
import static org.liandong.assistance.internal.AssistanceObligations.confirmationSettled;
import static org.liandong.assistance.internal.AssistanceObligations.due;
import static org.liandong.assistance.internal.AssistanceObligations.settled;
import static org.liandong.assistance.internal.AssistanceService.SOURCE;
import static org.liandong.assistance.internal.RequestAccess.requireVersion;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestTransitioned;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestAction.Side;
import org.liandong.assistance.RequestState;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.instruments.Commitment;
import org.liandong.instruments.Instruments;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moves on an assistance request, each by a case officer of the party whose turn it is (R2.4):
 * send (with the deadlines an agreement in force commits the two bureaus to, R3.2), accept, return,
 * answer, request a supplement, confirm, withdraw. Each move leaves its letter or notice, an entry
 * in the history and the case, an event, the obligations in oversight's ledger (R7.1) and a message
 * to the other party.
 */
@Component
record AssistanceActions(RequestAccess access, RequestHistory history, AssistanceSettings settings, Cases cases,
		AgencyDirectory directory, WorkingCalendar calendar, Documents documents, Instruments instruments,
		JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	AssistanceRequestView act(long id, RequestAction action, ActionInput input, SignedInUser actor) {
		AssistanceRequest r = access.load(id, actor);
		access.requireParty(r, action.side(), action.label(), actor);
		requireVersion(r, input.version());
		RequestState from = r.state();
		Instant now = clock.instant();
		if (action == RequestAction.SEND) {
			send(r, input, actor, now);
		}
		else {
			if (action == RequestAction.REQUEST_SUPPLEMENT && input.answerBy() != null) {
				access.requireFutureDate(input.answerBy());
				r.answerDue(input.answerBy(), endOf(input.answerBy()));
			}
			else if (action == RequestAction.REQUEST_SUPPLEMENT && r.answerDueAt().isBefore(now)) {
				throw DomainException.invalid("supplement-needs-date", "原答复期限已过，请另定补充答复的期限");
			}
			r.apply(action, input, actor.describe(), now);
		}
		r = access.save(r);
		// a new clock starts: the mark of a missed earlier deadline must not hide the new one
		if (action == RequestAction.SEND) {
			jdbc.sql("update assistance_request set accept_overdue_at = null, answer_overdue_at = null where id = ?")
				.param(id)
				.update();
		}
		else if (action == RequestAction.REQUEST_SUPPLEMENT && input.answerBy() != null) {
			jdbc.sql("update assistance_request set answer_overdue_at = null where id = ?").param(id).update();
		}
		if (action == RequestAction.RETURN) {
			issueReturnNotice(r, actor);
		}
		else if (action == RequestAction.ANSWER) {
			issueReply(r, actor);
		}
		String detail = describe(action, r);
		long entry = history.append(id, actor, action.name(), detail, now);
		cases.record(r.caseId(), actor, "ASSISTANCE_" + action.name(), "协查请求%s：%s".formatted(
				r.number() == null ? "" : " " + r.number(), detail));
		events.publishEvent(new AssistanceRequestTransitioned(id, r.number(), action, from, r.state(),
				r.requesterAgency(), r.assistingAgency(), detail,
				action == RequestAction.RETURN ? r.returnReason() : null));
		track(action, from, r, now);
		if (from != RequestState.DRAFT || action != RequestAction.WITHDRAW) {
			deliver(r, action, actor, detail, entry);
		}
		return access.view(access.load(id, actor), actor);
	}

	private void send(AssistanceRequest r, ActionInput input, SignedInUser actor, Instant now) {
		access.requireFutureDate(r.answerBy());
		// an agreement in force between the two bureaus sets the deadlines it commits them to (R3.2)
		Optional<Commitment> agreed = instruments.commitmentBetween(r.requesterAgency(), r.assistingAgency());
		int acceptDays = agreed.map(Commitment::acceptWorkingDays).orElse(null) == null ? settings.acceptWorkingDays()
				: agreed.get().acceptWorkingDays();
		Instant acceptDue = calendar.endOfWorkingDays(now, acceptDays);
		Integer answerDays = agreed.map(Commitment::answerWorkingDays).orElse(null);
		Instant answerDue = answerDays == null ? endOf(r.answerBy()) : calendar.endOfWorkingDays(now, answerDays);
		if (answerDays != null) {
			r.answerDue(answerDue.atZone(ChineseTime.ZONE).toLocalDate().minusDays(1), answerDue);
		}
		if (answerDue.isBefore(acceptDue)) {
			throw DomainException.invalid("answer-before-acceptance", "答复期限不能早于受理期限（%s），请给协助单位留出办理时间"
				.formatted(ChineseTime.format(acceptDue)));
		}
		r.apply(RequestAction.SEND, input, actor.describe(), now);
		CaseBrief about = cases.brief(r.caseId(), actor);
		String assistingName = directory.name(r.assistingAgency());
		IssuedDocument letter = documents.issue(new NewDocument(DocumentKind.ASSISTANCE_LETTER, r.requesterAgency(),
				Map.of("addressee", assistingName, "caseNumber", about.number(), "partyName", about.partyName(),
						"violationType", about.violationType(), "matters", r.matters(), "legalBasis", r.legalBasis(),
						"acceptDue", ChineseTime.format(acceptDue), "answerBy", day(r.answerBy()), "contact",
						actor.describe()),
				List.of(r.requesterAgency(), r.assistingAgency()), SOURCE, Long.toString(r.id()), actor.getUsername(),
				actor.describe()));
		r.sent(letter.number(), now, acceptDue, answerDue, agreed.map(c -> "依《%s》约定：受理期限为发出后 %d 个工作日，%s"
			.formatted(c.title(), acceptDays, answerDays == null ? "答复期限为请求单位所定日期" : "答复期限为发出后 %d 个工作日"
				.formatted(answerDays))).orElse("受理期限为发出后 %d 个工作日（本市默认），答复期限为请求单位所定日期"
					.formatted(acceptDays)), agreed.map(Commitment::agreementId).orElse(null));
		cases.involve(r.caseId(), r.assistingAgency(), ParticipantRole.ASSISTING, actor, "协查函 " + letter.number());
	}

	/**
	 * Opens and ends the obligations in oversight's ledger (R7.1): the assisting bureau's to accept and
	 * answer, the requester's to confirm an answer. A return is a lawful answer to the acceptance; a
	 * supplement request answers the confirmation and owes the answer again, a new round.
	 */
	private void track(RequestAction action, RequestState from, AssistanceRequest r, Instant now) {
		long id = r.id();
		String owner = r.assistingAgency();
		switch (action) {
			case SEND -> events.publishEvent(due(ACCEPT_REQUEST, id, r.number(), owner, r.acceptDueAt()));
			case ACCEPT -> {
				events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, true));
				events.publishEvent(due(ANSWER_REQUEST, id, r.number(), owner, r.answerDueAt()));
			}
			case RETURN -> events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, true));
			case ANSWER -> {
				events.publishEvent(settled(ANSWER_REQUEST, id, owner, now, true));
				events.publishEvent(confirmationDue(id, r.number(), r.requesterAgency(),
						calendar.endOfWorkingDays(now, settings.confirmWorkingDays())));
			}
			case REQUEST_SUPPLEMENT -> {
				events.publishEvent(confirmationSettled(id, r.requesterAgency(), now));
				events.publishEvent(due(ANSWER_REQUEST, id, r.number(), owner, r.answerDueAt()));
			}
			case WITHDRAW -> {
				// a draft or a returned request owed nothing
				if (from == RequestState.SENT) {
					events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, false));
				}
			}
			case CONFIRM -> events.publishEvent(confirmationSettled(id, r.requesterAgency(), now));
		}
	}

	private void issueReturnNotice(AssistanceRequest r, SignedInUser actor) {
		String requesterName = directory.name(r.requesterAgency());
		documents.issue(new NewDocument(DocumentKind.RETURN_NOTICE, r.assistingAgency(),
				Map.of("addressee", requesterName, "letterNumber", r.number(), "reason", r.returnReason().label(),
						"explanation", r.returnText(), "contact", actor.describe()),
				List.of(r.requesterAgency(), r.assistingAgency()), SOURCE, Long.toString(r.id()), actor.getUsername(),
				actor.describe()));
	}

	/** Every answer, a supplement's too, goes out as a numbered and signed 复函 to the requester (X3). */
	private void issueReply(AssistanceRequest r, SignedInUser actor) {
		long earlier = documents.issuedFor(SOURCE, Long.toString(r.id())).stream()
			.filter(d -> d.kind() == DocumentKind.ASSISTANCE_REPLY)
			.count();
		Map<String, String> fields = new HashMap<>(Map.of("addressee", directory.name(r.requesterAgency()),
				"letterNumber", r.number(), "answer", r.answerText(), "contact", actor.describe()));
		if (earlier > 0) {
			fields.put("round", Long.toString(earlier + 1));
		}
		documents.issue(new NewDocument(DocumentKind.ASSISTANCE_REPLY, r.assistingAgency(), fields,
				List.of(r.requesterAgency(), r.assistingAgency()), SOURCE, Long.toString(r.id()), actor.getUsername(),
				actor.describe()));
	}

	private String describe(RequestAction action, AssistanceRequest r) {
		return switch (action) {
			case SEND -> "发出协查函 %s，请%s于%s前受理，%s前答复".formatted(r.number(), directory.name(r.assistingAgency()),
					ChineseTime.format(r.acceptDueAt()), day(r.answerBy()));
			case ACCEPT -> "%s受理协查请求，将于%s前答复".formatted(directory.name(r.assistingAgency()), day(r.answerBy()));
			case RETURN -> "%s退回协查请求，原因：%s；%s".formatted(directory.name(r.assistingAgency()), r.returnReason().label(),
					r.returnText());
			case ANSWER -> "%s答复协查结果：%s".formatted(directory.name(r.assistingAgency()), r.answerText());
			case REQUEST_SUPPLEMENT -> "要求补充答复（期限%s）：%s".formatted(day(r.answerBy()), r.supplementText());
			case CONFIRM -> "确认协查结果，协查请求办结";
			case WITHDRAW -> "撤回协查请求";
		};
	}

	/** The counterpart of the actor hears of every move through its inbox. */
	private void deliver(AssistanceRequest r, RequestAction action, SignedInUser actor, String detail, long entry) {
		String to = action.side() == Side.REQUESTER ? r.assistingAgency() : r.requesterAgency();
		String title = switch (action) {
			case SEND -> "【协查请求】%s请求协助调查（%s）".formatted(actor.agencyName(), r.number());
			case ACCEPT -> "【协查受理】%s已受理协查请求 %s".formatted(actor.agencyName(), r.number());
			case RETURN -> "【协查退回】%s退回了协查请求 %s".formatted(actor.agencyName(), r.number());
			case ANSWER -> "【协查答复】%s答复了协查请求 %s，请确认".formatted(actor.agencyName(), r.number());
			case REQUEST_SUPPLEMENT -> "【补充协查】%s要求补充答复 %s".formatted(actor.agencyName(), r.number());
			case CONFIRM -> "【协查办结】%s确认了协查结果 %s".formatted(actor.agencyName(), r.number());
			case WITHDRAW -> "【协查撤回】%s撤回了协查请求 %s".formatted(actor.agencyName(), r.number());
		};
		events.publishEvent(new InboxDelivery(to, null, "ASSISTANCE_" + action.name(), title, detail,
				"/assistance/" + r.id(), "assistance-history", Long.toString(entry)));
	}
}
