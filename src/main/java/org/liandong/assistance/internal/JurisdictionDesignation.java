package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.DESIGNATED_TASK;
import static org.liandong.assistance.internal.MajorCaseService.SOURCE;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;

import java.time.Clock;
import java.time.Instant;
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
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Designating jurisdiction over a reported major case (R2.5): the city's legal office names one lead
 * agency or two or more joint ones, with any assisting ones, each with its task and deadline, in a
 * designation notice; each task is an obligation in oversight's ledger (R7.1), each agency is told.
 */
@Component
record JurisdictionDesignation(MajorReportAccess access, Cases cases, AgencyDirectory directory, Documents documents,
		JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	MajorReportView designate(long id, NewDesignation designation, SignedInUser legalOfficer) {
		MajorReportView report = access.pending(id, designation.version(), legalOfficer);
		Map<String, ParticipantRole> roles = roles(designation);
		Instant now = clock.instant();
		for (NewDesignation.Party party : designation.parties()) {
			Words.requireNotPast(party.dueOn(), now, "办理期限");
		}
		access.claim(id, designation.version(), MajorReportState.DESIGNATED, null, legalOfficer, now);
		Map<String, String> names = directory.names();
		String city = directory.cityOf(legalOfficer.agencyCode());
		String who = designation.parties().stream()
			.map(p -> names.getOrDefault(p.agencyCode().trim(), p.agencyCode()) + "（" + p.role().label() + "）")
			.collect(Collectors.joining("、"));
		IssuedDocument notice = documents.issue(new NewDocument(DocumentKind.DESIGNATION_NOTICE, city,
				Map.of("addressee", designation.parties().stream().map(p -> names.get(p.agencyCode().trim()))
					.collect(Collectors.joining("、")), "reportingAgency", report.reportingAgencyName(), "caseNumber",
						report.caseNumber(), "tasks", tasks(designation, names), "instructions",
						designation.instructions().trim()),
				List.copyOf(allReaders(report, roles)), SOURCE, Long.toString(id), legalOfficer.getUsername(),
				legalOfficer.describe()));
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into designation (report_id, case_id, number, document_id, instructions, designated_at,
				    designated_by, designated_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, report.caseId(), notice.number(), notice.id(), designation.instructions().trim(),
					ChineseTime.utc(now), legalOfficer.getUsername(), legalOfficer.describe())
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
		cases.designate(report.caseId(), roles, legalOfficer, "指定管辖（" + notice.number() + "）");
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.DESIGNATED,
				"指定管辖 %s：%s".formatted(notice.number(), who)));
		if (!roles.containsKey(report.reportingAgencyCode())) {
			events.publishEvent(new InboxDelivery(report.reportingAgencyCode(), null, "CASE_DESIGNATED",
					"【指定管辖】市局已就案件 %s 指定管辖".formatted(report.caseNumber()), who, "/major-reports/" + id, SOURCE,
					id + ":designated"));
		}
		return access.find(id, legalOfficer);
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
