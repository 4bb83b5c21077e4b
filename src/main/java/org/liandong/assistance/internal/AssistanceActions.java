package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.ACCEPT_REQUEST;
import static org.liandong.assistance.ObligationOverdue.Obligation.ANSWER_REQUEST;
import static org.liandong.assistance.internal.AssistanceObligations.confirmationDue;
import static org.liandong.assistance.internal.AssistanceObligations.confirmationSettled;
import static org.liandong.assistance.internal.AssistanceObligations.due;
import static org.liandong.assistance.internal.AssistanceObligations.reviewDue;
import static org.liandong.assistance.internal.AssistanceObligations.reviewSettled;
import static org.liandong.assistance.internal.AssistanceObligations.settled;
import static org.liandong.assistance.internal.AssistanceObligations.signOffDue;
import static org.liandong.assistance.internal.AssistanceObligations.signOffSettled;
import static org.liandong.assistance.internal.AssistanceService.SOURCE;
import static org.liandong.assistance.internal.RequestAccess.requireVersion;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
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
import org.liandong.documents.EvidenceStage;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.LetterDraft;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SignOffPolicies;
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
 * answer, request a supplement, confirm, withdraw, and forward to the competent bureau (issue 22). Each move leaves its letter or notice, an entry
 * in the history and the case, an event, the obligations in oversight's ledger (R7.1) and a message
 * to the other party.
 */
@Component
record AssistanceActions(RequestAccess access, RequestHistory history, AssistanceSettings settings, Cases cases,
		AgencyDirectory directory, WorkingCalendar calendar, Documents documents, Instruments instruments,
		SignOffPolicies signOff, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	AssistanceRequestView act(long id, RequestAction wanted, ActionInput input, SignedInUser actor) {
		AssistanceRequest r = access.load(id, actor);
		// sending and submitting are one wish: the bureau's policy decides whether its legal officer reviews
		// and its leader signs off first
		RequestAction action = wanted.sending()
				? switch (signOff.approval(r.requesterAgency(), DocumentKind.ASSISTANCE_LETTER)) {
					case NONE -> RequestAction.SEND;
					case SIGN_OFF -> RequestAction.SUBMIT;
					case REVIEW_AND_SIGN_OFF -> RequestAction.SUBMIT_FOR_REVIEW;
				}
				: wanted;
		if (action.byApprover()) {
			access.requireApprover(r, action, actor);
		}
		else {
			access.requireParty(r, action.side(), action.label(), actor);
		}
		requireVersion(r, input.version());
		RequestState from = r.state();
		String assistingBefore = r.assistingAgency();
		Instant now = clock.instant();
		IssuedDocument firstLetter = null;
		if (action == RequestAction.SEND || action == RequestAction.SIGN_OFF) {
			// only a sending numbers a request, so one without a number has no letter or notice yet
			boolean neverSent = r.number() == null;
			IssuedDocument letter = send(r, action, input, actor, now);
			firstLetter = neverSent ? letter : null;
		}
		else if (action == RequestAction.SUBMIT || action == RequestAction.SUBMIT_FOR_REVIEW) {
			access.requireFutureDate(r.answerBy());
			// the letter must be one that can be issued, so the leader is not asked to sign off what cannot be
			documents.preview(letter(r, cases.brief(r.caseId(), actor), deadlines(r, now).accept(), actor.describe(), null,
					null));
			r.apply(action, input, actor.describe(), now);
		}
		else if (action == RequestAction.FORWARD) {
			forward(r, input, actor, now);
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
		// a new clock starts: the mark of a missed earlier deadline must not hide the new one. The deadline
		// watch marks only requests under way, so a draft or a letter awaiting sign-off unmarked when loaded
		// is unmarked still (one statement fewer per sending, issue 18); a forwarded one may be marked meanwhile
		if (action == RequestAction.SEND || action == RequestAction.SIGN_OFF || action == RequestAction.FORWARD) {
			if (action == RequestAction.FORWARD || r.acceptOverdueAt() != null || r.answerOverdueAt() != null) {
				jdbc.sql("update assistance_request set accept_overdue_at = null, answer_overdue_at = null where id = ?")
					.param(id)
					.update();
			}
			r.overdueMarksCleared(true);
		}
		else if (action == RequestAction.REQUEST_SUPPLEMENT && input.answerBy() != null) {
			jdbc.sql("update assistance_request set answer_overdue_at = null where id = ?").param(id).update();
			r.overdueMarksCleared(false);
		}
		if (action == RequestAction.RETURN) {
			issueReturnNotice(r, actor);
		}
		// a first sending's letter is the request's only document: shown as issued, not read back (issue 18)
		List<IssuedDocument> letters = firstLetter == null ? null : List.of(firstLetter);
		if (action == RequestAction.ANSWER) {
			letters = issueReply(r, actor);
		}
		else if (action == RequestAction.FORWARD) {
			issueForwardNotice(r, assistingBefore, input.text().trim(), actor);
		}
		if (attested(action) && letters == null) {
			// read once: the evidence names the letter, the answer shows them all
			letters = documents.issuedFor(SOURCE, Long.toString(r.id()));
		}
		attest(action, r, actor, letters);
		String detail = action == RequestAction.FORWARD ? describeForward(r, assistingBefore, input.text().trim())
				: describe(action, r);
		long entry = history.append(id, actor, action.name(), detail, now);
		cases.record(r.caseId(), actor, "ASSISTANCE_" + action.name(), "协查请求%s：%s".formatted(
				r.number() == null ? "" : " " + r.number(), detail));
		events.publishEvent(new AssistanceRequestTransitioned(id, r.number(), action, from, r.state(),
				r.requesterAgency(), r.assistingAgency(), detail,
				action == RequestAction.RETURN ? r.returnReason() : null));
		track(action, from, r, assistingBefore, now);
		if (action == RequestAction.FORWARD) {
			deliverForward(r, actor, detail, entry);
			// the forwarding bureau no longer takes part in the request (X2): it is answered what it did, once
			return access.view(r, actor, letters);
		}
		// a withdrawal before the request ever left the bureau concerns no one else
		if (action != RequestAction.WITHDRAW || !from.unsent()) {
			deliver(r, action, actor, detail, entry);
		}
		// the request as saved, with its new version, and the letters the answer already read: no second read (issue 18)
		return letters == null ? access.view(r, actor) : access.view(r, actor, letters);
	}

	/**
	 * Forwards a sent request to the competent bureau (issue 22, N5): an emergency-management bureau
	 * other than the forwarder and the requester, with the reason. The acceptance deadline restarts
	 * from now, as agreed between the requester and the new bureau (R3.2) or by the city's default.
	 */
	private void forward(AssistanceRequest r, ActionInput input, SignedInUser actor, Instant now) {
		r.apply(RequestAction.FORWARD, input, actor.describe(), now);
		AgencySummary competent = competentBureau(input.forwardTo(), r);
		Optional<Commitment> agreed = instruments.commitmentBetween(r.requesterAgency(), competent.code());
		int acceptDays = agreed.map(Commitment::acceptWorkingDays).orElse(null) == null ? settings.acceptWorkingDays()
				: agreed.get().acceptWorkingDays();
		Instant acceptDue = calendar.endOfWorkingDays(now, acceptDays);
		String basis = "由%s转办，受理期限自转办时起重新计算为 %d 个工作日（%s），答复期限为请求单位所定日期".formatted(
				directory.name(r.assistingAgency()), acceptDays,
				agreed.map(c -> "依《%s》约定".formatted(c.title())).orElse("本市默认"));
		r.forwarded(competent.code(), acceptDue, basis, agreed.map(Commitment::agreementId).orElse(null));
		cases.involve(r.caseId(), competent.code(), ParticipantRole.ASSISTING, actor,
				"协查请求 %s 由%s转办".formatted(r.number(), actor.agencyName()));
		// the competent bureau works from the request's letter, addressed to the bureau before it
		documents.share(SOURCE, Long.toString(r.id()), competent.code());
	}

	private AgencySummary competentBureau(String code, AssistanceRequest r) {
		if (code == null || code.isBlank()) {
			throw DomainException.invalid("forward-needs-agency", "请选择转办的单位（有管辖权的应急管理局）");
		}
		AgencySummary agency = directory.emergencyAgency(code, "转办单位");
		if (agency.kind() != AgencyKind.CITY_BUREAU && agency.kind() != AgencyKind.COUNTY_BUREAU) {
			throw DomainException.invalid("forward-not-bureau", "只能转办给应急管理局，“%s”是%s，不能受理协查请求"
				.formatted(agency.name(), agency.kind().label()));
		}
		if (agency.code().equals(r.assistingAgency())) {
			throw DomainException.invalid("forward-to-self", "不能转办给本单位，请选择有管辖权的其他应急管理局");
		}
		if (agency.code().equals(r.requesterAgency())) {
			throw DomainException.invalid("forward-to-requester",
					"不能转办给请求单位本身；如认为应由请求单位自行调查，请退回并说明理由");
		}
		return agency;
	}

	/** The requester learns in a numbered and signed 转办函 who now handles its request and why (X3). */
	private void issueForwardNotice(AssistanceRequest r, String forwarder, String reason, SignedInUser actor) {
		documents.issue(new NewDocument(DocumentKind.FORWARD_NOTICE, forwarder,
				Map.of("addressee", directory.name(r.requesterAgency()), "letterNumber", r.number(), "receiver",
						directory.name(r.assistingAgency()), "reason", reason, "acceptDue",
						ChineseTime.format(r.acceptDueAt()), "contact", actor.describe()),
				List.of(r.requesterAgency(), forwarder, r.assistingAgency()), SOURCE, Long.toString(r.id()),
				actor.getUsername(), actor.describe()));
	}

	private String describeForward(AssistanceRequest r, String forwarder, String reason) {
		return "%s将协查请求转办%s，理由：%s；%s须于%s前受理".formatted(directory.name(forwarder),
				directory.name(r.assistingAgency()), reason, directory.name(r.assistingAgency()),
				ChineseTime.format(r.acceptDueAt()));
	}

	/** The requester is informed of the forward; the competent bureau receives the request to accept. */
	private void deliverForward(AssistanceRequest r, SignedInUser actor, String detail, long entry) {
		events.publishEvent(new InboxDelivery(r.requesterAgency(), null, "ASSISTANCE_FORWARD",
				"【协查转办】%s将协查请求 %s 转办%s".formatted(actor.agencyName(), r.number(),
						directory.name(r.assistingAgency())),
				detail, "/assistance/" + r.id(), "assistance-history", Long.toString(entry)));
		events.publishEvent(new InboxDelivery(r.assistingAgency(), null, "ASSISTANCE_FORWARD",
				"【协查请求】%s转来%s的协查请求（%s），请于%s前受理".formatted(actor.agencyName(),
						directory.name(r.requesterAgency()), r.number(), ChineseTime.format(r.acceptDueAt())),
				detail, "/assistance/" + r.id(), "assistance-history", Long.toString(entry)));
	}

	/**
	 * Sends the request: by its case officer where the bureau's letters need no sign-off, or by the
	 * leader's sign-off (issue 23), the number and the bureau's signature applied only then, with the
	 * leader named as 签发人 and the drafter as the contact. The deadlines count from this moment.
	 * Returns the letter as issued.
	 */
	private IssuedDocument send(AssistanceRequest r, RequestAction action, ActionInput input, SignedInUser actor,
			Instant now) {
		access.requireFutureDate(r.answerBy());
		Deadlines due = deadlines(r, now);
		if (due.answerDays() != null) {
			r.answerDue(due.answer().atZone(ChineseTime.ZONE).toLocalDate().minusDays(1), due.answer());
		}
		if (due.answer().isBefore(due.accept())) {
			throw DomainException.invalid("answer-before-acceptance", "答复期限不能早于受理期限（%s），请给协助单位留出办理时间"
				.formatted(ChineseTime.format(due.accept())));
		}
		boolean signedOff = action == RequestAction.SIGN_OFF;
		String contact = signedOff && r.submittedByName() != null ? r.submittedByName() : actor.describe();
		r.apply(action, input, actor.describe(), now);
		IssuedDocument letter = documents.issue(letter(r, cases.brief(r.caseId(), actor), due.accept(), contact,
				signedOff ? actor.displayName() : null, actor));
		r.sent(letter.number(), now, due.accept(), due.answer(), due.basis(), due.agreementId());
		cases.involve(r.caseId(), r.assistingAgency(), ParticipantRole.ASSISTING, actor, "协查函 " + letter.number());
		return letter;
	}

	/**
	 * The letter a leader is asked to sign off, worded as it would be issued now: numbered and signed
	 * only by the sign-off itself (issue 23).
	 */
	LetterDraft draft(AssistanceRequest r, SignedInUser reader) {
		Deadlines due = deadlines(r, clock.instant());
		return documents.preview(letter(r, cases.brief(r.caseId(), reader), due.accept(),
				r.submittedByName() == null ? r.createdByName() : r.submittedByName(), reader.hasRole("LEADER")
						? reader.displayName() : null, null));
	}

	/** The deadlines of a sending now: as an agreement in force between the two bureaus commits them (R3.2), or the city's. */
	private Deadlines deadlines(AssistanceRequest r, Instant now) {
		Optional<Commitment> agreed = instruments.commitmentBetween(r.requesterAgency(), r.assistingAgency());
		int acceptDays = agreed.map(Commitment::acceptWorkingDays).orElse(null) == null ? settings.acceptWorkingDays()
				: agreed.get().acceptWorkingDays();
		Integer answerDays = agreed.map(Commitment::answerWorkingDays).orElse(null);
		Instant answerDue = answerDays == null ? endOf(r.answerBy()) : calendar.endOfWorkingDays(now, answerDays);
		String basis = agreed.map(c -> "依《%s》约定：受理期限为发出后 %d 个工作日，%s".formatted(c.title(), acceptDays,
				answerDays == null ? "答复期限为请求单位所定日期" : "答复期限为发出后 %d 个工作日".formatted(answerDays)))
			.orElse("受理期限为发出后 %d 个工作日（本市默认），答复期限为请求单位所定日期".formatted(acceptDays));
		return new Deadlines(calendar.endOfWorkingDays(now, acceptDays), answerDue, answerDays, basis,
				agreed.map(Commitment::agreementId).orElse(null));
	}

	private record Deadlines(Instant accept, Instant answer, Integer answerDays, String basis, Long agreementId) {
	}

	/** The 协助调查函 of the request, as issued or as the leader reads it before signing it off. */
	private NewDocument letter(AssistanceRequest r, CaseBrief about, Instant acceptDue, String contact, String signer,
			SignedInUser issuer) {
		Map<String, String> fields = new HashMap<>(Map.of("addressee", directory.name(r.assistingAgency()), "caseNumber",
				about.number(), "partyName", about.partyName(), "violationType", about.violationType(), "matters",
				r.matters(), "legalBasis", r.legalBasis(), "acceptDue", ChineseTime.format(acceptDue), "answerBy",
				day(r.answerBy()), "contact", contact));
		if (signer != null) {
			fields.put("signer", signer);
		}
		return new NewDocument(DocumentKind.ASSISTANCE_LETTER, r.requesterAgency(), fields,
				List.of(r.requesterAgency(), r.assistingAgency()), SOURCE, Long.toString(r.id()),
				issuer == null ? null : issuer.getUsername(), issuer == null ? null : issuer.describe());
	}

	/**
	 * Opens and ends the obligations in oversight's ledger (R7.1): the assisting bureau's to accept and
	 * answer, the requester's to confirm an answer. A return is a lawful answer to the acceptance; a
	 * supplement request answers the confirmation and owes the answer again, a new round.
	 */
	private void track(RequestAction action, RequestState from, AssistanceRequest r, String assistingBefore,
			Instant now) {
		long id = r.id();
		String owner = r.assistingAgency();
		switch (action) {
			case SEND -> events.publishEvent(due(ACCEPT_REQUEST, id, r.number(), owner, r.acceptDueAt()));
			case SUBMIT -> events.publishEvent(signOffDue(id, r.caseNumber(), r.requesterAgency(),
					calendar.endOfWorkingDays(now, settings.signOffWorkingDays())));
			case SIGN_OFF -> {
				events.publishEvent(signOffSettled(id, r.requesterAgency(), now, true));
				events.publishEvent(due(ACCEPT_REQUEST, id, r.number(), owner, r.acceptDueAt()));
			}
			case SUBMIT_FOR_REVIEW -> events.publishEvent(reviewDue(id, r.caseNumber(), r.requesterAgency(),
					calendar.endOfWorkingDays(now, settings.signOffWorkingDays())));
			case REVIEW -> {
				events.publishEvent(reviewSettled(id, r.requesterAgency(), now, true));
				events.publishEvent(signOffDue(id, r.caseNumber(), r.requesterAgency(),
						calendar.endOfWorkingDays(now, settings.signOffWorkingDays())));
			}
			case SEND_BACK -> events.publishEvent(from == RequestState.AWAITING_REVIEW
					? reviewSettled(id, r.requesterAgency(), now, true) : signOffSettled(id, r.requesterAgency(), now, true));
			case ACCEPT -> {
				events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, true));
				events.publishEvent(due(ANSWER_REQUEST, id, r.number(), owner, r.answerDueAt()));
			}
			case RETURN -> events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, true));
			case FORWARD -> {
				// forwarding is a lawful answer of the bureau that is not competent; the competent one owes anew
				events.publishEvent(settled(ACCEPT_REQUEST, id, assistingBefore, now, true));
				events.publishEvent(due(ACCEPT_REQUEST, id, r.number(), owner, r.acceptDueAt()));
			}
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
				else if (from == RequestState.AWAITING_SIGN_OFF) {
					events.publishEvent(signOffSettled(id, r.requesterAgency(), now, false));
				}
				else if (from == RequestState.AWAITING_REVIEW) {
					events.publishEvent(reviewSettled(id, r.requesterAgency(), now, false));
				}
			}
			case CONFIRM -> events.publishEvent(confirmationSettled(id, r.requesterAgency(), now));
		}
	}

	private static boolean attested(RequestAction action) {
		return action == RequestAction.ACCEPT || action == RequestAction.RETURN || action == RequestAction.FORWARD
				|| action == RequestAction.ANSWER;
	}

	/** The assisting bureau's answer to the letter, kept as a signed evidence of the letter's way (issue 23). */
	private void attest(RequestAction action, AssistanceRequest r, SignedInUser actor, List<IssuedDocument> letters) {
		EvidenceStage stage = switch (action) {
			case ACCEPT -> EvidenceStage.ACCEPTED;
			case RETURN -> EvidenceStage.RETURNED;
			case FORWARD -> EvidenceStage.FORWARDED;
			case ANSWER -> EvidenceStage.ANSWERED;
			default -> null;
		};
		if (stage == null) {
			return;
		}
		String note = switch (action) {
			case RETURN -> "退回，原因：" + r.returnReason().label();
			case FORWARD -> "转办至" + directory.name(r.assistingAgency());
			case ANSWER -> "以复函 %s 答复".formatted(letters.get(letters.size() - 1).number());
			default -> null;
		};
		// the request's own letter, the last one if it was issued again
		letters.stream().filter(d -> d.kind() == DocumentKind.ASSISTANCE_LETTER).reduce((first, second) -> second)
			.ifPresent(letter -> documents.attest(letter, stage, actor, note));
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
	/** Issues the 复函 of this answer; the request's letters, the new one last. */
	private List<IssuedDocument> issueReply(AssistanceRequest r, SignedInUser actor) {
		List<IssuedDocument> letters = new ArrayList<>(documents.issuedFor(SOURCE, Long.toString(r.id())));
		long earlier = letters.stream().filter(d -> d.kind() == DocumentKind.ASSISTANCE_REPLY).count();
		Map<String, String> fields = new HashMap<>(Map.of("addressee", directory.name(r.requesterAgency()),
				"letterNumber", r.number(), "answer", r.answerText(), "contact", actor.describe()));
		if (earlier > 0) {
			fields.put("round", Long.toString(earlier + 1));
		}
		letters.add(documents.issue(new NewDocument(DocumentKind.ASSISTANCE_REPLY, r.assistingAgency(), fields,
				List.of(r.requesterAgency(), r.assistingAgency()), SOURCE, Long.toString(r.id()), actor.getUsername(),
				actor.describe())));
		return letters;
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
			case SUBMIT -> "致%s的协助调查函送本单位领导签发".formatted(directory.name(r.assistingAgency()));
			case SUBMIT_FOR_REVIEW -> "致%s的协助调查函送本单位法制审核，审核同意后送领导签发"
				.formatted(directory.name(r.assistingAgency()));
			case REVIEW -> "%s审核同意，协助调查函送本单位领导签发".formatted(r.reviewedByName());
			case SIGN_OFF -> "%s签发协查函 %s，请%s于%s前受理，%s前答复".formatted(r.signedOffByName(), r.number(),
					directory.name(r.assistingAgency()), ChineseTime.format(r.acceptDueAt()), day(r.answerBy()));
			case SEND_BACK -> "协查函退回修改，意见：%s".formatted(r.sentBackText());
			case FORWARD -> throw new IllegalStateException("a forward is described with its reason");
		};
	}

	/** The counterpart of the actor hears of every move through its inbox. */
	private void deliver(AssistanceRequest r, RequestAction action, SignedInUser actor, String detail, long entry) {
		// a submission, a review and a sending back stay within the requesting bureau, between drafter,
		// reviewer and leader
		boolean within = action == RequestAction.SUBMIT || action == RequestAction.SUBMIT_FOR_REVIEW
				|| action == RequestAction.REVIEW || action == RequestAction.SEND_BACK;
		String to = within || action.side() != Side.REQUESTER ? r.requesterAgency() : r.assistingAgency();
		String title = switch (action) {
			case SEND, SIGN_OFF -> "【协查请求】%s请求协助调查（%s）".formatted(actor.agencyName(), r.number());
			case SUBMIT -> "【待签发】致%s的协助调查函（案件 %s）待本单位领导签发".formatted(
					directory.name(r.assistingAgency()), r.caseNumber());
			case SUBMIT_FOR_REVIEW -> "【待审核】致%s的协助调查函（案件 %s）待本单位法制审核".formatted(
					directory.name(r.assistingAgency()), r.caseNumber());
			case REVIEW -> "【待签发】致%s的协助调查函（案件 %s）已审核，待本单位领导签发".formatted(
					directory.name(r.assistingAgency()), r.caseNumber());
			case SEND_BACK -> "【退回修改】协助调查函（案件 %s）被退回修改".formatted(r.caseNumber());
			case ACCEPT -> "【协查受理】%s已受理协查请求 %s".formatted(actor.agencyName(), r.number());
			case RETURN -> "【协查退回】%s退回了协查请求 %s".formatted(actor.agencyName(), r.number());
			case ANSWER -> "【协查答复】%s答复了协查请求 %s，请确认".formatted(actor.agencyName(), r.number());
			case REQUEST_SUPPLEMENT -> "【补充协查】%s要求补充答复 %s".formatted(actor.agencyName(), r.number());
			case CONFIRM -> "【协查办结】%s确认了协查结果 %s".formatted(actor.agencyName(), r.number());
			case WITHDRAW -> "【协查撤回】%s撤回了协查请求 %s".formatted(actor.agencyName(), r.number());
			case FORWARD -> throw new IllegalStateException("a forward is delivered to two bureaus");
		};
		events.publishEvent(new InboxDelivery(to, null, "ASSISTANCE_" + action.name(), title, detail,
				"/assistance/" + r.id(), "assistance-history", Long.toString(entry)));
	}
}
