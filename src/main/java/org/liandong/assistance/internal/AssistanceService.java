package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.ACCEPT_REQUEST;
import static org.liandong.assistance.ObligationOverdue.Obligation.ANSWER_REQUEST;
import static org.liandong.assistance.internal.AssistanceObligations.due;
import static org.liandong.assistance.internal.AssistanceObligations.settled;
import static org.liandong.assistance.internal.Words.caseOfficer;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;
import static org.liandong.assistance.internal.Words.instant;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.agency.AgencySummary;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestSummary;
import org.liandong.assistance.AssistanceRequestTransitioned;
import org.liandong.assistance.AssistanceRequestView.LetterView;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction.Side;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.Upload;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
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
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Assistance requests: who may do what when, the letters, the deadlines and the messages. */
@Service
@Validated
@Transactional
class AssistanceService implements AssistanceRequests {

	static final String SOURCE = "assistance-request";

	private static final String SUMMARY_COLUMNS = """
			r.id, r.number, r.state, r.case_id, r.case_number, r.requester_agency, r.assisting_agency, r.sent_at,
			r.accept_due_at, r.answer_due_at, r.accept_overdue_at, r.answer_overdue_at""";

	private final AssistanceRequestRepository requests;
	private final RequestHistory history;
	private final Attachments attachments;
	private final AssistanceSettings settings;
	private final Cases cases;
	private final AgencyDirectory directory;
	private final WorkingCalendar calendar;
	private final Documents documents;
	private final Instruments instruments;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AssistanceService(AssistanceRequestRepository requests, RequestHistory history, Attachments attachments,
			AssistanceSettings settings, Cases cases, AgencyDirectory directory, WorkingCalendar calendar,
			Documents documents, Instruments instruments,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.history = history;
		this.attachments = attachments;
		this.settings = settings;
		this.cases = cases;
		this.directory = directory;
		this.calendar = calendar;
		this.documents = documents;
		this.instruments = instruments;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public AssistanceRequestView create(NewAssistanceRequest draft, SignedInUser requester) {
		requireCaseOfficer(requester, "办理协查请求");
		if (draft.caseId() == null) {
			throw DomainException.invalid("missing-case", "请选择协查所涉案件");
		}
		CaseBrief about = cases.brief(draft.caseId(), requester);
		if (about.access() != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位可以就该案件发起协查");
		}
		AgencySummary assisting = assistingAgency(draft.assistingAgencyCode(), requester);
		requireFutureDate(draft.answerBy());
		Instant now = clock.instant();
		AssistanceRequest created = requests.save(AssistanceRequest.draft(about.id(), about.number(),
				requester.agencyCode(), assisting.code(), draft.matters().trim(), draft.legalBasis().trim(),
				draft.answerBy(), requester.getUsername(), requester.describe(), now));
		history.append(created.id(), requester, "DRAFTED", "起草协查请求，拟请%s协助调查".formatted(assisting.name()), now);
		events.publishEvent(new AssistanceRequestTransitioned(created.id(), null, null, null, RequestState.DRAFT,
				requester.agencyCode(), assisting.code(), "起草就案件 %s 请%s协助调查的请求".formatted(about.number(),
						assisting.name()), null));
		return view(created, requester);
	}

	@Override
	public AssistanceRequestView revise(long id, NewAssistanceRequest revision, SignedInUser requester) {
		AssistanceRequest r = load(id, requester);
		requireParty(r, Side.REQUESTER, "修改", requester);
		requireVersion(r, revision.version());
		AgencySummary assisting = assistingAgency(revision.assistingAgencyCode(), requester);
		requireFutureDate(revision.answerBy());
		Instant now = clock.instant();
		r.revise(assisting.code(), revision.matters().trim(), revision.legalBasis().trim(), revision.answerBy(),
				requester.describe(), now);
		r = save(r);
		history.append(id, requester, "REVISED", "修改协查请求（协助单位%s，答复期限%s）".formatted(assisting.name(),
				day(revision.answerBy())), now);
		return view(r, requester);
	}

	@Override
	public AssistanceRequestView act(long id, RequestAction action, ActionInput input, SignedInUser actor) {
		AssistanceRequest r = load(id, actor);
		requireParty(r, action.side(), action.label(), actor);
		requireVersion(r, input.version());
		RequestState from = r.state();
		Instant now = clock.instant();
		if (action == RequestAction.SEND) {
			send(r, input, actor, now);
		}
		else {
			if (action == RequestAction.REQUEST_SUPPLEMENT && input.answerBy() != null) {
				requireFutureDate(input.answerBy());
				r.answerDue(input.answerBy(), endOf(input.answerBy()));
			}
			else if (action == RequestAction.REQUEST_SUPPLEMENT && r.answerDueAt().isBefore(now)) {
				throw DomainException.invalid("supplement-needs-date", "原答复期限已过，请另定补充答复的期限");
			}
			r.apply(action, input, actor.describe(), now);
		}
		r = save(r);
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
		return view(load(id, actor), actor);
	}

	private void send(AssistanceRequest r, ActionInput input, SignedInUser actor, Instant now) {
		requireFutureDate(r.answerBy());
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
	 * Opens and ends the assisting bureau's obligations in oversight's ledger (R7.1). A return is a
	 * lawful answer to the acceptance; a supplement request owes the answer again, a new round.
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
			case ANSWER -> events.publishEvent(settled(ANSWER_REQUEST, id, owner, now, true));
			case REQUEST_SUPPLEMENT -> events.publishEvent(due(ANSWER_REQUEST, id, r.number(), owner, r.answerDueAt()));
			case WITHDRAW -> {
				// a draft or a returned request owed nothing
				if (from == RequestState.SENT) {
					events.publishEvent(settled(ACCEPT_REQUEST, id, owner, now, false));
				}
			}
			case CONFIRM -> {
			}
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

	@Override
	@Transactional(readOnly = true)
	public AssistanceRequestView find(long id, SignedInUser reader) {
		return view(load(id, reader), reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AssistanceRequestSummary> list(Box box, RequestState state, Boolean overdue, SignedInUser reader,
			Pageable pageable) {
		Box wanted = box == null ? Box.INCOMING : box;
		if (wanted == Box.ALL && !directory.cityLevel(reader)) {
			throw DomainException.forbidden("city-only", "只有市局可以查看全部协查请求");
		}
		Map<String, String> names = directory.names();
		Instant now = clock.instant();
		return new PagedQuery(SUMMARY_COLUMNS, "assistance_request r",
				Map.of("number", "r.number", "sentAt", "r.sent_at", "state", "r.state", "acceptDueAt", "r.accept_due_at",
						"answerDueAt", "r.answer_due_at", "caseNumber", "r.case_number"),
				"r.id desc")
			.whereIf(wanted == Box.OUTGOING, "r.requester_agency = ?", reader.agencyCode())
			// a draft is the requester's own business until it is sent
			.whereIf(wanted == Box.INCOMING, "r.assisting_agency = ? and r.state <> 'DRAFT'", reader.agencyCode())
			.whereIf(wanted == Box.ALL, "r.state <> 'DRAFT'")
			.where("r.state = ?", state == null ? null : state.name())
			.whereIf(Boolean.TRUE.equals(overdue), """
					((r.state = 'SENT' and r.accept_due_at < ?)
					 or (r.state in ('ACCEPTED', 'SUPPLEMENT_REQUESTED') and r.answer_due_at < ?))""",
					ChineseTime.utc(now), ChineseTime.utc(now))
			.fetch(jdbc, pageable, (rs, n) -> summary(rs, names, now));
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssistanceRequestSummary> forCase(long caseId, SignedInUser reader) {
		Map<String, String> names = directory.names();
		Instant now = clock.instant();
		boolean city = directory.cityLevel(reader);
		return jdbc.sql("select " + SUMMARY_COLUMNS + " " + """
				 from assistance_request r where r.case_id = ?
				 and (r.requester_agency = ? or (r.state <> 'DRAFT' and (? or r.assisting_agency = ?)))
				 order by r.id""")
			.params(caseId, reader.agencyCode(), city, reader.agencyCode())
			.query((rs, n) -> summary(rs, names, now))
			.list();
	}

	@Override
	public AttachmentView attach(long id, Upload upload, SignedInUser uploader) {
		AssistanceRequest r = load(id, uploader);
		requireCaseOfficer(uploader, "上传协查材料");
		String purpose;
		if (uploader.agencyCode().equals(r.requesterAgency())
				&& (r.state() == RequestState.DRAFT || r.state() == RequestState.RETURNED)) {
			purpose = "REQUEST";
		}
		else if (uploader.agencyCode().equals(r.assistingAgency())
				&& (r.state() == RequestState.ACCEPTED || r.state() == RequestState.SUPPLEMENT_REQUESTED)) {
			purpose = "EVIDENCE";
		}
		else {
			throw DomainException.conflict("attachment-not-now",
					"协查请求当前为“%s”：请求单位可在发出前附材料，协助单位可在受理后、答复前附证据".formatted(r.state().label()));
		}
		Instant now = clock.instant();
		AttachmentView stored = attachments.store(id, purpose, upload, uploader, now);
		history.append(id, uploader, "ATTACHED", "上传%s“%s”（%d 字节，SM3 %s）".formatted(
				"EVIDENCE".equals(purpose) ? "证据材料" : "请求材料", stored.fileName(), stored.size(), stored.sm3()), now);
		return stored;
	}

	@Override
	@Transactional(readOnly = true)
	public StoredFile download(long id, long attachmentId, SignedInUser reader) {
		load(id, reader);
		return attachments.load(id, attachmentId);
	}

	private AssistanceRequestView view(AssistanceRequest r, SignedInUser reader) {
		Instant now = clock.instant();
		boolean officer = caseOfficer(reader);
		List<RequestAction> actions = officer ? Arrays.stream(RequestAction.values())
			.filter(action -> action.allowedFrom(r.state()) && sideOf(r, reader) == action.side())
			.toList() : List.of();
		List<LetterView> letters = documents.issuedFor(SOURCE, Long.toString(r.id())).stream()
			.map(d -> new LetterView(d.id(), d.number(), d.kind().label(), d.issuedAt()))
			.toList();
		return new AssistanceRequestView(r.id(), r.number(), r.state(), r.caseId(), r.caseNumber(), r.requesterAgency(),
				directory.name(r.requesterAgency()), r.assistingAgency(), directory.name(r.assistingAgency()), r.matters(),
				r.legalBasis(), r.answerBy(), r.sentAt(), r.acceptDueAt(), r.answerDueAt(),
				acceptLate(r.state(), r.acceptDueAt(), r.acceptOverdueAt(), now),
				answerLate(r.state(), r.answerDueAt(), r.answerOverdueAt(), now), r.deadlineBasis(),
				r.deadlineAgreementId(), r.returnReason(),
				r.returnText(), r.answerText(), r.supplementText(), r.acceptedAt(), r.answeredAt(), r.confirmedAt(),
				r.createdByName(), r.createdAt(), r.version(), actions, history.of(r.id()), attachments.of(r.id()),
				letters);
	}

	private static boolean acceptLate(RequestState state, Instant due, Instant marked, Instant now) {
		return marked != null || (state == RequestState.SENT && due != null && due.isBefore(now));
	}

	private static boolean answerLate(RequestState state, Instant due, Instant marked, Instant now) {
		return marked != null || ((state == RequestState.ACCEPTED || state == RequestState.SUPPLEMENT_REQUESTED)
				&& due != null && due.isBefore(now));
	}

	private AssistanceRequestSummary summary(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		RequestState state = RequestState.valueOf(rs.getString("state"));
		Instant acceptDue = instant(rs, "accept_due_at");
		Instant answerDue = instant(rs, "answer_due_at");
		boolean late = (state == RequestState.SENT && acceptLate(state, acceptDue, null, now))
				|| answerLate(state, answerDue, null, now);
		String requester = rs.getString("requester_agency");
		String assisting = rs.getString("assisting_agency");
		return new AssistanceRequestSummary(rs.getLong("id"), rs.getString("number"), state, rs.getLong("case_id"),
				rs.getString("case_number"), requester, names.getOrDefault(requester, requester), assisting,
				names.getOrDefault(assisting, assisting), instant(rs, "sent_at"), acceptDue, answerDue, late);
	}

	private AssistanceRequest load(long id, SignedInUser reader) {
		AssistanceRequest r = requests.findById(id).orElseThrow(() -> notFound(id));
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

	private void requireParty(AssistanceRequest r, Side side, String what, SignedInUser actor) {
		requireCaseOfficer(actor, "办理协查请求");
		if (sideOf(r, actor) != side) {
			throw DomainException.forbidden("wrong-party", "只有%s（%s）可以%s该协查请求".formatted(side.label(),
					directory.name(side == Side.REQUESTER ? r.requesterAgency() : r.assistingAgency()), what));
		}
	}

	private static void requireVersion(AssistanceRequest r, Long version) {
		if (version != null && version != r.version()) {
			throw stale(r);
		}
	}

	private void requireFutureDate(LocalDate answerBy) {
		Words.requireNotPast(answerBy, clock.instant(), "答复期限");
	}

	private AgencySummary assistingAgency(String code, SignedInUser requester) {
		AgencySummary agency = directory.emergencyAgency(code, "协助单位");
		if (agency.code().equals(requester.agencyCode())) {
			throw DomainException.invalid("assist-self", "不能请本单位协助调查，请选择其他单位");
		}
		return agency;
	}

	private AssistanceRequest save(AssistanceRequest r) {
		try {
			return requests.save(r);
		}
		catch (OptimisticLockingFailureException concurrent) {
			throw stale(requests.findById(r.id()).orElseThrow(() -> notFound(r.id())));
		}
	}

	private static DomainException stale(AssistanceRequest current) {
		return DomainException.conflict("stale-request", "该协查请求已被 %s 于 %s 处理（当前为“%s”），请刷新后再操作"
			.formatted(current.lastChangedByName(), ChineseTime.format(current.lastChangedAt()), current.state().label()));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-assistance-request", "协查请求 %d 不存在".formatted(id));
	}
}
