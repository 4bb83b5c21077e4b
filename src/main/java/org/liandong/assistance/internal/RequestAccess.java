package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.AssistanceService.SOURCE;
import static org.liandong.assistance.internal.Words.caseOfficer;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequestView.HistoryEntry;
import org.liandong.assistance.AssistanceRequestView.LetterView;
import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestAction.Side;
import org.liandong.assistance.RequestState;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Who reaches an assistance request and what they see of it (R2.4, R2.7), shared by the use cases
 * of the request: the request loaded as the reader may see it (its requester; the assisting bureau
 * and the city bureau once it was sent), the side the reader is on, the checks of every move, the
 * optimistic save and the view.
 */
@Component
record RequestAccess(AssistanceRequestStore requests, RequestHistory history, Attachments attachments,
		AgencyDirectory directory, Documents documents, Clock clock) {

	AssistanceRequest load(long id, SignedInUser reader) {
		AssistanceRequest r = requests.find(id).orElseThrow(() -> notFound(id));
		// a draft is its requester's own; the city bureau sees a request once it is sent
		if (sideOf(r, reader) == null && (!r.sentOnce() || !directory.cityLevel(reader))) {
			throw notFound(id);
		}
		return r;
	}

	/** The party the reader's agency is on this request; the assisting bureau only once it was sent. */
	private static Side sideOf(AssistanceRequest r, SignedInUser reader) {
		if (reader.agencyCode().equals(r.requesterAgency())) {
			return Side.REQUESTER;
		}
		if (reader.agencyCode().equals(r.assistingAgency()) && r.sentOnce()) {
			return Side.ASSISTING;
		}
		return null;
	}

	/**
	 * A move of the requesting bureau's approvers (issue 23): its legal officer reviews the letter or
	 * sends it back, its leader signs it off or sends it back.
	 */
	void requireApprover(AssistanceRequest r, RequestAction action, SignedInUser actor) {
		String role = action.approverRole(r.state());
		if (!actor.hasRole(role) || !actor.agencyCode().equals(r.requesterAgency())) {
			throw DomainException.forbidden("not-signatory", "只有请求单位（%s）的%s可以%s该协查函".formatted(
					directory.name(r.requesterAgency()), role.equals("LEADER") ? "局领导" : "法制审核人员", action.label()));
		}
	}

	void requireParty(AssistanceRequest r, Side side, String what, SignedInUser actor) {
		requireCaseOfficer(actor, "办理协查请求");
		if (sideOf(r, actor) != side) {
			throw DomainException.forbidden("wrong-party", "只有%s（%s）可以%s该协查请求".formatted(side.label(),
					directory.name(side == Side.REQUESTER ? r.requesterAgency() : r.assistingAgency()), what));
		}
	}

	static void requireVersion(AssistanceRequest r, Long version) {
		if (version != null && version != r.version()) {
			throw stale(r);
		}
	}

	void requireFutureDate(LocalDate answerBy) {
		Words.requireNotPast(answerBy, clock.instant(), "答复期限");
	}

	AssistanceRequest save(AssistanceRequest r) {
		try {
			return requests.update(r);
		}
		catch (OptimisticLockingFailureException concurrent) {
			throw stale(requests.find(r.id()).orElseThrow(() -> notFound(r.id())));
		}
	}

	AssistanceRequestView view(AssistanceRequest r, SignedInUser reader) {
		return view(r, reader, documents.issuedFor(SOURCE, Long.toString(r.id())));
	}

	/**
	 * The view with the request's letters as the caller already holds them, oldest first; its attachments read
	 * only where the request counts any (issue 18).
	 */
	AssistanceRequestView view(AssistanceRequest r, SignedInUser reader, List<IssuedDocument> issued) {
		return view(r, reader, issued, history.of(r.id()), r.attachmentCount() == 0 ? List.of() : attachments.of(r.id()));
	}

	/**
	 * The view of a request just drafted, from what the drafting holds: its one history entry, and
	 * neither letters nor attachments yet (three reads fewer, issue 18).
	 */
	AssistanceRequestView viewOfDraft(AssistanceRequest r, SignedInUser reader, HistoryEntry drafted) {
		return view(r, reader, List.of(), List.of(drafted), List.of());
	}

	private AssistanceRequestView view(AssistanceRequest r, SignedInUser reader, List<IssuedDocument> issued,
			List<HistoryEntry> entries, List<AttachmentView> attached) {
		Instant now = clock.instant();
		boolean officer = caseOfficer(reader);
		Side side = sideOf(r, reader);
		// a case officer sends (through the review and sign-off where the bureau asks for them); the legal
		// officer reviews, the leader signs off
		List<RequestAction> actions = Arrays.stream(RequestAction.values())
			.filter(action -> action.allowedFrom(r.state()) && side == action.side())
			.filter(action -> action.byApprover() ? reader.hasRole(action.approverRole(r.state()))
					: officer && (action == RequestAction.SEND || !action.sending()))
			.toList();
		List<LetterView> letters = issued.stream()
			.map(d -> new LetterView(d.id(), d.number(), d.kind().label(), d.issuedAt()))
			.toList();
		return new AssistanceRequestView(r.id(), r.number(), r.state(), r.caseId(), r.caseNumber(), r.requesterAgency(),
				directory.name(r.requesterAgency()), r.assistingAgency(), directory.name(r.assistingAgency()), r.matters(),
				r.legalBasis(), r.answerBy(), r.sentAt(), r.acceptDueAt(), r.answerDueAt(),
				acceptLate(r.state(), r.acceptDueAt(), r.acceptOverdueAt(), now),
				answerLate(r.state(), r.answerDueAt(), r.answerOverdueAt(), now), r.deadlineBasis(),
				r.deadlineAgreementId(), r.returnReason(),
				r.returnText(), r.answerText(), r.supplementText(), r.acceptedAt(), r.answeredAt(), r.confirmedAt(),
				r.ratingTimeliness() == null ? null
						: new AssistanceRequestView.Rating(r.ratingTimeliness(), r.ratingQuality()),
				r.createdByName(), r.createdAt(), r.version(), actions, entries, attached,
				letters, r.submittedAt() == null ? null : new AssistanceRequestView.SignOff(r.submittedByName(),
						r.submittedAt(), r.reviewedByName(), r.reviewedAt(), r.signedOffByName(), r.signedOffAt(),
						r.sentBackText(), null));
	}

	static boolean acceptLate(RequestState state, Instant due, Instant marked, Instant now) {
		return marked != null || (state == RequestState.SENT && due != null && due.isBefore(now));
	}

	static boolean answerLate(RequestState state, Instant due, Instant marked, Instant now) {
		return marked != null || ((state == RequestState.ACCEPTED || state == RequestState.SUPPLEMENT_REQUESTED)
				&& due != null && due.isBefore(now));
	}

	private static DomainException stale(AssistanceRequest current) {
		return DomainException.conflict("stale-request", "该协查请求已被 %s 于 %s 处理（当前为“%s”），请刷新后再操作"
			.formatted(current.lastChangedByName(), ChineseTime.format(current.lastChangedAt()), current.state().label()));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-assistance-request", "协查请求 %d 不存在".formatted(id));
	}
}
