package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.ACT_ON_DISPATCH;
import static org.liandong.assistance.internal.Words.caseOfficer;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;
import static org.liandong.assistance.internal.Words.instant;
import static org.liandong.assistance.internal.Words.trimmed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.AgencySummary;
import org.liandong.assistance.DispatchState;
import org.liandong.assistance.DispatchTransitioned;
import org.liandong.assistance.DispatchView;
import org.liandong.assistance.Dispatches;
import org.liandong.assistance.NewDispatch;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.documents.SendingBack;
import org.liandong.documents.SignOffPolicies;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The city bureau's dispatches to bureaus (R2.7), tracked to the bureau's report and closure. */
@Service
@Validated
@Transactional
class DispatchService implements Dispatches {

	static final String SOURCE = "dispatch";

	private final Cases cases;
	private final AgencyDirectory directory;
	private final Documents documents;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final SignOffPolicies policies;
	private final WorkingCalendar calendar;
	private final AssistanceSettings settings;
	private final Clock clock;

	DispatchService(Cases cases, AgencyDirectory directory, Documents documents, SignOffPolicies policies,
			WorkingCalendar calendar, AssistanceSettings settings, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.cases = cases;
		this.directory = directory;
		this.documents = documents;
		this.policies = policies;
		this.calendar = calendar;
		this.settings = settings;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public DispatchView issue(NewDispatch dispatch, SignedInUser issuer) {
		requireCommander(issuer);
		CaseBrief about = cases.brief(dispatch.caseId(), issuer);
		AgencySummary target = directory.emergencyAgency(dispatch.agencyCode(), "承办单位");
		if (target.kind().isCityLevel() && target.code().equals(issuer.agencyCode())) {
			throw DomainException.invalid("dispatch-self", "不能向本单位督办，请选择承办的县（市、区）局");
		}
		Instant now = clock.instant();
		Words.requireNotPast(dispatch.dueOn(), now, "办理期限");
		String city = directory.cityOf(issuer.agencyCode());
		String instruction = dispatch.instruction().trim();
		// where the city's notices need its leader's sign-off (issue 23), the detachment's dispatch waits for it;
		// a leader's own dispatch is signed off by issuing it
		boolean signOff = policies.required(city, DocumentKind.DISPATCH_NOTICE);
		boolean waits = signOff && !issuer.hasRole("LEADER");
		// the row first, so that the notice can name the dispatch it belongs to
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into dispatch (case_id, case_number, from_agency, to_agency, number, document_id, instruction, due_at,
				    state, issued_at, issued_by, issued_by_name, version)
				values (?, ?, ?, ?, '', 0, ?, ?, ?, ?, ?, ?, 0)""")
			.params(about.id(), about.number(), issuer.agencyCode(), target.code(), instruction,
					ChineseTime.utc(endOf(dispatch.dueOn())),
					(waits ? DispatchState.AWAITING_SIGN_OFF : DispatchState.SENT).name(), ChineseTime.utc(now),
					issuer.getUsername(), issuer.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		if (waits) {
			events.publishEvent(AssistanceObligations.dispatchSignOffDue(id, about.number(), city,
					calendar.endOfWorkingDays(now, settings.signOffWorkingDays())));
			events.publishEvent(new InboxDelivery(city, null, "DISPATCH_SIGN_OFF",
					"【待签发】督办通知（案件 %s，承办单位%s）".formatted(about.number(), target.name()),
					"%s拟定了督办通知，请市局领导审阅后签发或退回。".formatted(issuer.describe()), "/dispatches/" + id, SOURCE,
					id + ":sign-off", issuer.agencyCode()));
			events.publishEvent(new DispatchTransitioned(id, "", DispatchState.AWAITING_SIGN_OFF, target.code(),
					"拟定督办%s办理案件 %s，送市局领导签发".formatted(target.name(), about.number())));
			return find(id, issuer);
		}
		send(id, about, target, instruction, dispatch.dueOn(), issuer.agencyCode(), issuer, signOff);
		return find(id, issuer);
	}

	@Override
	public DispatchView signOff(long id, Long version, SignedInUser leader) {
		DispatchView found = awaitingSignOff(id, leader);
		LocalDate dueOn = dueOn(found);
		Instant now = clock.instant();
		if (dueOn.isBefore(now.atZone(ChineseTime.ZONE).toLocalDate())) {
			throw DomainException.conflict("dispatch-due-passed", "督办期限 %s 已过，请退回执法支队重新拟定".formatted(day(dueOn)));
		}
		move(found, version, DispatchState.AWAITING_SIGN_OFF, DispatchState.SENT, """
				update dispatch set state = 'SENT', version = version + 1 where id = ? and state = 'AWAITING_SIGN_OFF'""", id);
		events.publishEvent(AssistanceObligations.dispatchSignOffSettled(id, leader.agencyCode(), now));
		send(id, cases.brief(found.caseId(), leader), directory.emergencyAgency(found.agencyCode(), "承办单位"),
				found.instruction(), dueOn, found.fromAgencyCode(), leader, true);
		return find(id, leader);
	}

	@Override
	public DispatchView sendBack(long id, String comments, Long version, SignedInUser leader) {
		DispatchView found = awaitingSignOff(id, leader);
		Instant now = clock.instant();
		SendingBack back = SendingBack.of(comments, leader, now);
		String why = back.comments();
		String text = back.text();
		move(found, version, DispatchState.AWAITING_SIGN_OFF, DispatchState.SENT_BACK, """
				update dispatch set state = 'SENT_BACK', sent_back_text = ?, version = version + 1
				where id = ? and state = 'AWAITING_SIGN_OFF'""", text, id);
		events.publishEvent(AssistanceObligations.dispatchSignOffSettled(id, leader.agencyCode(), now));
		events.publishEvent(new DispatchTransitioned(id, "", DispatchState.SENT_BACK, found.agencyCode(),
				"%s退回督办通知稿：%s".formatted(leader.describe(), why)));
		events.publishEvent(new InboxDelivery(found.fromAgencyCode(), null, "DISPATCH_SENT_BACK",
				"【退回】督办通知（案件 %s）未签发，已退回".formatted(found.caseNumber()), text, "/dispatches/" + id, SOURCE,
				id + ":sent-back", leader.agencyCode()));
		return find(id, leader);
	}

	/**
	 * The dispatch sent: its notice numbered and sealed now, naming as 签发人 the leader who signed it off
	 * where a sign-off is asked for (issue 23); the bureau involved in the case, told, and owing its report.
	 */
	private void send(long id, CaseBrief about, AgencySummary target, String instruction, LocalDate dueOn,
			String fromAgency, SignedInUser actor, boolean signedOff) {
		IssuedDocument notice = documents.issue(notice(id, about, target.code(), target.name(), instruction, dueOn,
				fromAgency, actor, signedOff ? actor.displayName() : null));
		jdbc.sql("update dispatch set number = ?, document_id = ?, signed_off_by_name = ?, signed_off_at = ? where id = ?")
			.params(notice.number(), notice.id(), signedOff ? actor.describe() : null,
					signedOff ? ChineseTime.utc(notice.issuedAt()) : null, id)
			.update();
		cases.involve(about.id(), target.code(), ParticipantRole.ASSISTING, actor, "督办通知 " + notice.number());
		cases.record(about.id(), actor, "DISPATCHED", "市局督办（%s）%s：%s，%s前报告".formatted(notice.number(),
				target.name(), instruction, day(dueOn)));
		events.publishEvent(new DispatchTransitioned(id, notice.number(), DispatchState.SENT, target.code(),
				"督办%s办理案件 %s%s".formatted(target.name(), about.number(),
						signedOff ? "（%s签发）".formatted(actor.describe()) : "")));
		events.publishEvent(AssistanceObligations.due(ACT_ON_DISPATCH, id, notice.number(), target.code(), endOf(dueOn)));
		events.publishEvent(new InboxDelivery(target.code(), null, "DISPATCH",
				"【市局督办】案件 %s，请于%s前报告办理情况".formatted(about.number(), day(dueOn)), instruction,
				"/dispatches/" + id, SOURCE, id + ":sent"));
	}

	/** A dispatch waiting for the sign-off, for a leader of the city bureau that issues its notice. */
	private DispatchView awaitingSignOff(long id, SignedInUser leader) {
		DispatchView found = find(id, leader);
		if (!leader.hasRole("LEADER") || !leader.agencyCode().equals(directory.cityOf(found.fromAgencyCode()))) {
			throw DomainException.forbidden("not-signatory", "只有市局领导可以签发督办通知");
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<DispatchView> list(DispatchState state, SignedInUser reader, Pageable pageable) {
		boolean city = directory.cityLevel(reader);
		Map<String, String> names = directory.names();
		Instant now = clock.instant();
		return new PagedQuery("d.*", "dispatch d",
				Map.of("dueAt", "d.due_at", "issuedAt", "d.issued_at", "state", "d.state", "caseNumber", "d.case_number"),
				"d.id desc")
			.whereIf(!city, "d.to_agency = ?", reader.agencyCode())
			.whereIf(!city, "d.state not in ('AWAITING_SIGN_OFF', 'SENT_BACK')")
			.where("d.state = ?", state == null ? null : state.name())
			.fetch(jdbc, pageable, (rs, n) -> view(rs, names, now));
	}

	@Override
	@Transactional(readOnly = true)
	public DispatchView find(long id, SignedInUser reader) {
		DispatchView found = jdbc.sql("select * from dispatch where id = ?")
			.param(id)
			.query((rs, n) -> view(rs, directory.names(), clock.instant()))
			.optional()
			.orElseThrow(() -> notFound(id));
		boolean city = directory.cityLevel(reader);
		// a dispatch not signed off was never sent: the bureau does not see it (issue 23)
		if (!city && (!found.agencyCode().equals(reader.agencyCode()) || !sent(found.state()))) {
			throw notFound(id);
		}
		if (city && found.state() == DispatchState.AWAITING_SIGN_OFF) {
			return found.withDraftNotice(documents.preview(draftNotice(found, reader)));
		}
		return found;
	}

	@Override
	public DispatchView report(long id, String report, Long version, SignedInUser actor) {
		DispatchView found = find(id, actor);
		if (!found.agencyCode().equals(actor.agencyCode()) || !caseOfficer(actor)) {
			throw DomainException.forbidden("not-dispatch-target", "只有承办单位的执法人员可以报告办理情况");
		}
		String text = trimmed(report);
		if (text == null) {
			throw DomainException.invalid("report-needs-text", "请填写办理情况");
		}
		Instant now = clock.instant();
		move(found, version, DispatchState.SENT, DispatchState.REPORTED, """
				update dispatch set state = 'REPORTED', report_text = ?, reported_at = ?, reported_by_name = ?,
				    version = version + 1 where id = ? and state = 'SENT'""", text, ChineseTime.utc(now), actor.describe(), id);
		cases.record(found.caseId(), actor, "DISPATCH_REPORTED", "报告督办事项（%s）办理情况：%s".formatted(found.number(), text));
		events.publishEvent(new DispatchTransitioned(id, found.number(), DispatchState.REPORTED, found.agencyCode(), text));
		// the report is what the bureau owed; closing is the city bureau's, with no deadline
		events.publishEvent(AssistanceObligations.settled(ACT_ON_DISPATCH, id, found.agencyCode(), now, true));
		events.publishEvent(new InboxDelivery(found.fromAgencyCode(), null, "DISPATCH_REPORTED",
				"【督办反馈】%s报告了 %s 的办理情况".formatted(actor.agencyName(), found.number()), text, "/dispatches/" + id,
				SOURCE, id + ":reported:" + found.version()));
		return find(id, actor);
	}

	@Override
	public DispatchView close(long id, Long version, SignedInUser actor) {
		requireCommander(actor);
		DispatchView found = find(id, actor);
		Instant now = clock.instant();
		move(found, version, DispatchState.REPORTED, DispatchState.CLOSED, """
				update dispatch set state = 'CLOSED', closed_at = ?, version = version + 1 where id = ? and state = 'REPORTED'""",
				ChineseTime.utc(now), id);
		cases.record(found.caseId(), actor, "DISPATCH_CLOSED", "督办事项（%s）办结".formatted(found.number()));
		events.publishEvent(new DispatchTransitioned(id, found.number(), DispatchState.CLOSED, found.agencyCode(),
				"督办事项办结"));
		events.publishEvent(new InboxDelivery(found.agencyCode(), null, "DISPATCH_CLOSED",
				"【督办办结】%s 已办结".formatted(found.number()), "市局确认督办事项办结", "/dispatches/" + id, SOURCE,
				id + ":closed"));
		return find(id, actor);
	}

	/** One step, taken on the row so that of two people acting at once one gets 409. */
	private void move(DispatchView found, Long version, DispatchState from, DispatchState to, String sql,
			Object... params) {
		if (found.state() != from) {
			throw DomainException.conflict("illegal-transition", "督办事项当前为“%s”，不能改为“%s”".formatted(
					found.state().label(), to.label()));
		}
		if (version != null && version != found.version()) {
			throw DomainException.conflict("stale-dispatch", "该督办事项已有变化，请刷新后再操作");
		}
		if (jdbc.sql(sql).params(params).update() == 0) {
			throw DomainException.conflict("stale-dispatch", "该督办事项刚刚已被他人处理，请刷新后查看");
		}
	}

	private static boolean sent(DispatchState state) {
		return state != DispatchState.AWAITING_SIGN_OFF && state != DispatchState.SENT_BACK;
	}

	/** The notice of a dispatch waiting for the sign-off, as it would be issued (without 签发人 yet). */
	private NewDocument draftNotice(DispatchView found, SignedInUser reader) {
		return notice(found.id(), cases.brief(found.caseId(), reader), found.agencyCode(), found.agencyName(),
				found.instruction(), dueOn(found), found.fromAgencyCode(), null, null);
	}

	/** A dispatch's notice in the city's name, as issued or as it would be; the signer is its 签发人 where there is one. */
	private NewDocument notice(long id, CaseBrief about, String targetCode, String targetName, String instruction,
			LocalDate dueOn, String fromAgency, SignedInUser issuer, String signer) {
		Map<String, String> fields = new HashMap<>(Map.of("addressee", targetName, "caseNumber", about.number(),
				"partyName", about.partyName(), "violationType", about.violationType(), "instruction", instruction,
				"dueOn", day(dueOn)));
		if (signer != null) {
			fields.put("signer", signer);
		}
		return new NewDocument(DocumentKind.DISPATCH_NOTICE, directory.cityOf(fromAgency), fields,
				List.of(targetCode, fromAgency), SOURCE, Long.toString(id), issuer == null ? null : issuer.getUsername(),
				issuer == null ? null : issuer.describe());
	}

	/** The day a dispatch is due by: its deadline is the end of that day. */
	private static LocalDate dueOn(DispatchView found) {
		return LocalDate.ofInstant(found.dueAt().minusSeconds(1), ChineseTime.ZONE);
	}

	private void requireCommander(SignedInUser user) {
		if ((!user.hasRole("LEADER") && !user.hasRole("DETACHMENT_OFFICER")) || !directory.cityLevel(user)) {
			throw DomainException.forbidden("not-commander", "只有市局领导和执法支队可以督办");
		}
	}

	private static DispatchView view(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		DispatchState state = DispatchState.valueOf(rs.getString("state"));
		Instant due = instant(rs, "due_at");
		String from = rs.getString("from_agency");
		String to = rs.getString("to_agency");
		return new DispatchView(rs.getLong("id"), rs.getString("number"), rs.getLong("document_id"),
				rs.getLong("case_id"), rs.getString("case_number"), from, names.getOrDefault(from, from), to,
				names.getOrDefault(to, to), rs.getString("instruction"), due, state,
				rs.getObject("overdue_at") != null || (state == DispatchState.SENT && due.isBefore(now)),
				rs.getString("report_text"), instant(rs, "reported_at"), rs.getString("reported_by_name"),
				instant(rs, "closed_at"), instant(rs, "issued_at"), rs.getString("issued_by_name"), rs.getLong("version"),
				rs.getString("signed_off_by_name"), instant(rs, "signed_off_at"), rs.getString("sent_back_text"), null);
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-dispatch", "督办事项 %d 不存在".formatted(id));
	}
}
