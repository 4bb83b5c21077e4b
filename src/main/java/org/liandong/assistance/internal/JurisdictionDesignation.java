package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.DESIGNATED_TASK;
import static org.liandong.assistance.internal.MajorCaseService.SOURCE;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;
import static org.liandong.assistance.internal.Words.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.assistance.MajorCaseEvent;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewDesignation;
import org.liandong.calendar.WorkingCalendar;
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
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Designating jurisdiction over a reported major case (R2.5): the city's legal office names one lead
 * agency or two or more joint ones, with any assisting ones, each with its task and deadline, in a
 * designation notice; each task is an obligation in oversight's ledger (R7.1), each agency is told.
 * Where the city's designation notices need its leader's sign-off (issue 23, N2), the legal office's
 * designation waits as a draft: the notice is numbered and sealed, and the designation in force, only
 * at the leader's sign-off; sent back, the report waits for the legal office again.
 */
@Component
record JurisdictionDesignation(MajorReportAccess access, Cases cases, AgencyDirectory directory, Documents documents,
		SignOffPolicies policies, WorkingCalendar calendar, AssistanceSettings settings, JsonMapper json, JdbcClient jdbc,
		ApplicationEventPublisher events, Clock clock) {

	MajorReportView designate(long id, NewDesignation designation, SignedInUser legalOfficer) {
		MajorReportView report = access.pending(id, designation.version(), legalOfficer);
		Map<String, ParticipantRole> roles = roles(designation);
		Instant now = clock.instant();
		for (NewDesignation.Party party : designation.parties()) {
			Words.requireNotPast(party.dueOn(), now, "办理期限");
		}
		String city = directory.cityOf(legalOfficer.agencyCode());
		if (needsSignOff(report)) {
			return submit(report, designation, legalOfficer, city, now);
		}
		access.claim(id, designation.version(), MajorReportState.DESIGNATED, null, legalOfficer, now);
		return inForce(report, designation, roles, city, legalOfficer.getUsername(), legalOfficer.describe(), legalOfficer,
				false, now);
	}

	boolean needsSignOff(MajorReportView report) {
		return policies.required(directory.cityOf(report.reportingAgencyCode()), DocumentKind.DESIGNATION_NOTICE);
	}

	/** The designation kept as drafted, the city's leaders asked to sign its notice off (issue 23). */
	private MajorReportView submit(MajorReportView report, NewDesignation designation, SignedInUser legalOfficer,
			String city, Instant now) {
		long id = report.id();
		access.claim(id, designation.version(), MajorReportState.AWAITING_SIGN_OFF, null, legalOfficer, now);
		jdbc.sql("""
				insert into designation_draft (report_id, content, drafted_at, drafted_by, drafted_by_name)
				values (?, ?, ?, ?, ?)""")
			.params(id, json.writeValueAsString(designation), ChineseTime.utc(now), legalOfficer.getUsername(),
					legalOfficer.describe())
			.update();
		events.publishEvent(AssistanceObligations.designationSignOffDue(id, report.caseNumber(), city,
				calendar.endOfWorkingDays(now, settings.signOffWorkingDays())));
		events.publishEvent(new InboxDelivery(city, null, "DESIGNATION_SIGN_OFF",
				"【待签发】指定管辖通知（案件 %s）".formatted(report.caseNumber()),
				"%s拟定了指定管辖，请市局领导审阅通知稿后签发或退回。".formatted(legalOfficer.describe()),
				"/major-reports/" + id, SOURCE, id + ":sign-off:" + (report.version() + 1), legalOfficer.agencyCode()));
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.SUBMITTED,
				"%s拟定指定管辖，送市局领导签发".formatted(legalOfficer.describe())));
		return access.find(id, legalOfficer);
	}

	/**
	 * A leader of the city bureau signs the notice off: it is numbered and sealed now, by this act, naming
	 * the leader as 签发人, and the designation is in force as the legal office drafted it.
	 */
	MajorReportView signOff(long id, Long version, SignedInUser leader) {
		MajorReportView report = access.awaitingSignOff(id, version, leader);
		Draft draft = draft(id);
		Instant now = clock.instant();
		access.signOff(id, version, true, null, now);
		jdbc.sql("delete from designation_draft where report_id = ?").param(id).update();
		String city = directory.cityOf(leader.agencyCode());
		events.publishEvent(AssistanceObligations.designationSignOffSettled(id, city, now, true));
		return inForce(report, draft.designation(), roles(draft.designation()), city, draft.draftedBy(),
				draft.draftedByName(), leader, true, now);
	}

	/** The leader sends the draft back to the legal office with comments; nothing is issued. */
	MajorReportView sendBack(long id, String comments, Long version, SignedInUser leader) {
		MajorReportView report = access.awaitingSignOff(id, version, leader);
		Draft draft = draft(id);
		Instant now = clock.instant();
		SendingBack back = SendingBack.of(comments, leader, now);
		String why = back.comments();
		access.signOff(id, version, false, back.text(), now);
		jdbc.sql("delete from designation_draft where report_id = ?").param(id).update();
		String city = directory.cityOf(leader.agencyCode());
		events.publishEvent(AssistanceObligations.designationSignOffSettled(id, city, now, true));
		for (String office : directory.legalOfficesOf(city)) {
			events.publishEvent(new InboxDelivery(office, null, "DESIGNATION_SENT_BACK",
					"【退回】指定管辖通知（案件 %s）被退回修改".formatted(report.caseNumber()),
					"%s退回了%s拟定的指定管辖：%s".formatted(leader.describe(), draft.draftedByName(), why),
					"/major-reports/" + id, SOURCE, id + ":sent-back:" + (report.version() + 1), city));
		}
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.SENT_BACK,
				"%s退回指定管辖通知稿：%s".formatted(leader.describe(), why)));
		return access.find(id, leader);
	}

	/** The report with the designation waiting for the sign-off and its notice as it would be issued, for the city. */
	MajorReportView withDraft(MajorReportView report, SignedInUser reader) {
		if (report.state() != MajorReportState.AWAITING_SIGN_OFF || !directory.cityLevel(reader)) {
			return report;
		}
		Draft draft = draft(report.id());
		String city = directory.cityOf(report.reportingAgencyCode());
		return report.withSignOff(new MajorReportView.SignOff(draft.draftedByName(), draft.draftedAt(),
				documents.preview(notice(report, draft.designation(), city, draft.draftedBy(), draft.draftedByName(), null)),
				report.signOff() == null ? null : report.signOff().sentBackText()));
	}

	/**
	 * The designation issued and in force: by the legal officer's act where no sign-off is asked for, by the
	 * leader's sign-off otherwise ({@code signedOff}), the legal officer staying the one who designated.
	 */
	private MajorReportView inForce(MajorReportView report, NewDesignation designation, Map<String, ParticipantRole> roles,
			String city, String designatedBy, String designatedByName, SignedInUser actor, boolean signedOff, Instant now) {
		SignedInUser signer = signedOff ? actor : null;
		long id = report.id();
		Map<String, String> names = directory.names();
		String who = designation.parties().stream()
			.map(p -> names.getOrDefault(p.agencyCode().trim(), p.agencyCode()) + "（" + p.role().label() + "）")
			.collect(Collectors.joining("、"));
		IssuedDocument notice = documents.issue(notice(report, designation, city, actor.getUsername(), actor.describe(),
				signer));
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into designation (report_id, case_id, number, document_id, instructions, designated_at,
				    designated_by, designated_by_name, signed_off_by_name, signed_off_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, report.caseId(), notice.number(), notice.id(), designation.instructions().trim(),
					ChineseTime.utc(report.decidedAt() == null ? now : report.decidedAt()), designatedBy, designatedByName,
					signer == null ? null : signer.describe(), signer == null ? null : ChineseTime.utc(now))
			.update(key, "id");
		long designationId = key.getKeyAs(Long.class);
		for (NewDesignation.Party party : designation.parties()) {
			String agency = party.agencyCode().trim();
			jdbc.sql("""
					insert into designation_party (designation_id, agency, role, task, due_at) values (?, ?, ?, ?, ?)""")
				.params(designationId, agency, party.role().name(), party.task().trim(),
						ChineseTime.utc(endOf(party.dueOn())))
				.update();
			events.publishEvent(AssistanceObligations.due(DESIGNATED_TASK, id, notice.number(), agency,
					endOf(party.dueOn())));
			events.publishEvent(new InboxDelivery(agency, null, "CASE_DESIGNATED",
					"【指定管辖】%s指定本单位%s案件 %s".formatted(directory.name(city), party.role().label(), report.caseNumber()),
					"任务：%s；办理期限：%s。%s".formatted(party.task().trim(), day(party.dueOn()),
							designation.instructions().trim()),
					"/major-reports/" + id, SOURCE, id + ":designated"));
		}
		cases.designate(report.caseId(), roles, actor, "指定管辖（" + notice.number() + "）");
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.DESIGNATED,
				"指定管辖 %s：%s%s".formatted(notice.number(), who, signer == null ? "" : "（%s签发）".formatted(signer.describe()))));
		if (!roles.containsKey(report.reportingAgencyCode())) {
			events.publishEvent(new InboxDelivery(report.reportingAgencyCode(), null, "CASE_DESIGNATED",
					"【指定管辖】市局已就案件 %s 指定管辖".formatted(report.caseNumber()), who, "/major-reports/" + id, SOURCE,
					id + ":designated"));
		}
		return access.find(id, actor);
	}

	/** The notice of a designation, as issued or as it would be; the leader who signs it off is its 签发人. */
	private NewDocument notice(MajorReportView report, NewDesignation designation, String city, String issuedBy,
			String issuedByName, SignedInUser signer) {
		Map<String, String> names = directory.names();
		Map<String, String> fields = new HashMap<>(Map.of("addressee", designation.parties().stream()
			.map(p -> names.get(p.agencyCode().trim())).collect(Collectors.joining("、")), "reportingAgency",
				report.reportingAgencyName(), "caseNumber", report.caseNumber(), "tasks", tasks(designation, names),
				"instructions", designation.instructions().trim()));
		if (signer != null) {
			fields.put("signer", signer.displayName());
		}
		return new NewDocument(DocumentKind.DESIGNATION_NOTICE, city, fields,
				List.copyOf(allReaders(report, roles(designation))), SOURCE, Long.toString(report.id()), issuedBy,
				issuedByName);
	}

	private Draft draft(long reportId) {
		return jdbc.sql("select * from designation_draft where report_id = ?")
			.param(reportId)
			.query((rs, n) -> new Draft(json.readValue(rs.getString("content"), NewDesignation.class),
					instant(rs, "drafted_at"), rs.getString("drafted_by"), rs.getString("drafted_by_name")))
			.single();
	}

	/** The legal office's designation as drafted, waiting for the sign-off. */
	private record Draft(NewDesignation designation, Instant draftedAt, String draftedBy, String draftedByName) {
	}

	private Map<String, ParticipantRole> roles(NewDesignation designation) {
		Map<String, ParticipantRole> roles = new LinkedHashMap<>();
		for (NewDesignation.Party party : designation.parties()) {
			String code = directory.emergencyAgency(party.agencyCode(), "被指定单位").code();
			if (roles.put(code, party.role()) != null) {
				throw DomainException.invalid("duplicate-party", "%s 被指定了两次，每个单位只能有一种承办方式"
					.formatted(directory.name(code)));
			}
		}
		long leads = roles.values().stream().filter(role -> role == ParticipantRole.LEAD).count();
		long joints = roles.values().stream().filter(role -> role == ParticipantRole.JOINT).count();
		if (!((leads == 1 && joints == 0) || (leads == 0 && joints >= 2))) {
			throw DomainException.invalid("lead-or-joint", "请指定一个主办单位，或两个以上合办单位（二者不能同时指定）");
		}
		return roles;
	}

	private static Set<String> allReaders(MajorReportView report, Map<String, ParticipantRole> roles) {
		Set<String> readers = new LinkedHashSet<>(roles.keySet());
		readers.add(report.reportingAgencyCode());
		return readers;
	}

	/** One line per designated agency: its role, task and deadline. */
	private static String tasks(NewDesignation designation, Map<String, String> names) {
		return designation.parties().stream()
			.map(p -> "%s（%s）：%s，%s前完成。".formatted(names.get(p.agencyCode().trim()), p.role().label(), p.task().trim(),
					day(p.dueOn())))
			.collect(Collectors.joining("\n"));
	}
}
