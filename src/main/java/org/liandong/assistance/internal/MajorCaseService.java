package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.DESIGNATED_TASK;
import static org.liandong.assistance.internal.Words.day;
import static org.liandong.assistance.internal.Words.endOf;
import static org.liandong.assistance.internal.Words.instant;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;
import static org.liandong.assistance.internal.Words.trimmed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.assistance.MajorCaseEvent;
import org.liandong.assistance.MajorCases;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportSummary;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.MajorReportView.Designation;
import org.liandong.assistance.MajorReportView.Task;
import org.liandong.assistance.NewDesignation;
import org.liandong.assistance.NewMajorReport;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.documents.NewDocument;
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

/** Major-case reports, the legal office's queue and its designations (R2.5). */
@Service
@Validated
@Transactional
class MajorCaseService implements MajorCases {

	static final String SOURCE = "major-report";

	private final Cases cases;
	private final AgencyDirectory directory;
	private final Documents documents;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MajorCaseService(Cases cases, AgencyDirectory directory, Documents documents, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.directory = directory;
		this.documents = documents;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public MajorReportView report(long caseId, NewMajorReport report, SignedInUser reporter) {
		requireCaseOfficer(reporter, "报告重大案件");
		CaseBrief about = cases.brief(caseId, reporter);
		if (about.access() != CaseView.Access.FULL) {
			throw DomainException.forbidden("not-case-party", "只有参与该案件的单位可以报告该案件");
		}
		boolean pending = jdbc.sql("select count(*) from major_report where case_id = ? and state = 'PENDING'")
			.param(caseId).query(Integer.class).single() > 0;
		if (pending) {
			throw DomainException.conflict("already-reported", "案件 %s 已报告市局，正在等待指定管辖".formatted(about.number()));
		}
		String city = directory.cityOf(reporter.agencyCode());
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into major_report (case_id, case_number, reporting_agency, city_agency, facts, state, reported_at,
				    reported_by, reported_by_name, version)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0)""")
			.params(caseId, about.number(), reporter.agencyCode(), city, report.facts().trim(), ChineseTime.utc(now),
					reporter.getUsername(), reporter.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		cases.record(caseId, reporter, "MAJOR_REPORTED", "向市局报告为重大案件：" + report.facts().trim());
		events.publishEvent(new MajorCaseEvent(id, caseId, about.number(), MajorCaseEvent.Kind.REPORTED,
				"%s报告重大案件".formatted(reporter.agencyName())));
		directory.legalOfficesOf(city).forEach(office -> events.publishEvent(new InboxDelivery(office, null, "MAJOR_REPORTED",
				"【重大案件报告】%s报告案件 %s，请指定管辖".formatted(reporter.agencyName(), about.number()),
				report.facts().trim(), "/major-reports/" + id, SOURCE, id + ":reported")));
		return find(id, reporter);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<MajorReportSummary> queue(MajorReportState state, SignedInUser reader, Pageable pageable) {
		boolean city = directory.cityLevel(reader);
		Map<String, String> names = directory.names();
		return new PagedQuery("m.id, m.case_id, m.case_number, m.reporting_agency, m.state, m.reported_at, m.reported_by_name",
				"major_report m", Map.of("reportedAt", "m.reported_at", "caseNumber", "m.case_number", "state", "m.state"),
				// the oldest waiting report first: the queue is worked in the order reports came in
				"m.id asc")
			.whereIf(city, "m.city_agency = ?", directory.cityOf(reader.agencyCode()))
			.whereIf(!city, "m.reporting_agency = ?", reader.agencyCode())
			.where("m.state = ?", state == null ? null : state.name())
			.fetch(jdbc, pageable, (rs, n) -> new MajorReportSummary(rs.getLong("id"), rs.getLong("case_id"),
					rs.getString("case_number"), rs.getString("reporting_agency"),
					names.getOrDefault(rs.getString("reporting_agency"), rs.getString("reporting_agency")),
					MajorReportState.valueOf(rs.getString("state")), instant(rs, "reported_at"),
					rs.getString("reported_by_name")));
	}

	@Override
	@Transactional(readOnly = true)
	public MajorReportView find(long id, SignedInUser reader) {
		MajorReportView report = jdbc.sql("select * from major_report where id = ?")
			.param(id)
			.query((rs, n) -> report(rs))
			.optional()
			.orElseThrow(() -> notFound(id));
		boolean visible = directory.cityLevel(reader) || report.reportingAgencyCode().equals(reader.agencyCode())
				|| (report.designation() != null && report.designation().tasks().stream()
					.anyMatch(task -> task.agencyCode().equals(reader.agencyCode())));
		if (!visible) {
			throw notFound(id);
		}
		return report;
	}

	@Override
	public MajorReportView designate(long id, NewDesignation designation, SignedInUser legalOfficer) {
		MajorReportView report = pending(id, designation.version(), legalOfficer);
		Map<String, ParticipantRole> roles = roles(designation);
		Instant now = clock.instant();
		for (NewDesignation.Party party : designation.parties()) {
			Words.requireNotPast(party.dueOn(), now, "办理期限");
		}
		claim(id, designation.version(), MajorReportState.DESIGNATED, null, legalOfficer, now);
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
		return find(id, legalOfficer);
	}

	@Override
	public MajorReportView decline(long id, String reason, Long version, SignedInUser legalOfficer) {
		MajorReportView report = pending(id, version, legalOfficer);
		String why = trimmed(reason);
		if (why == null) {
			throw DomainException.invalid("decline-needs-reason", "不作为重大案件指定管辖的，请写明理由");
		}
		Instant now = clock.instant();
		claim(id, version, MajorReportState.DECLINED, why, legalOfficer, now);
		cases.record(report.caseId(), legalOfficer, "MAJOR_DECLINED", "市局不作为重大案件指定管辖：" + why);
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.DECLINED, why));
		events.publishEvent(new InboxDelivery(report.reportingAgencyCode(), null, "MAJOR_DECLINED",
				"【重大案件报告】案件 %s 不作为重大案件指定管辖".formatted(report.caseNumber()), why, "/major-reports/" + id,
				SOURCE, id + ":declined"));
		return find(id, legalOfficer);
	}

	@Override
	public MajorReportView reportTask(long id, String text, SignedInUser actor) {
		requireCaseOfficer(actor, "报告办理情况");
		MajorReportView report = find(id, actor);
		String done = trimmed(text);
		if (done == null) {
			throw DomainException.invalid("task-report-needs-text", "请填写办理情况");
		}
		if (report.designation() == null) {
			throw DomainException.conflict("not-designated", "该报告尚未指定管辖，没有需要报告的任务");
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update designation_party set reported_at = ?, report_text = ?, reported_by_name = ?
				where designation_id = ? and agency = ? and reported_at is null""")
			.params(ChineseTime.utc(now), done, actor.describe(), report.designation().id(), actor.agencyCode())
			.update();
		if (updated == 0) {
			boolean designated = report.designation().tasks().stream().anyMatch(t -> t.agencyCode().equals(actor.agencyCode()));
			throw designated ? DomainException.conflict("task-already-reported", "本单位已报告过办理情况")
					: DomainException.forbidden("not-designated-agency", "只有被指定的单位可以报告办理情况");
		}
		cases.record(report.caseId(), actor, "DESIGNATED_TASK_REPORTED", "报告指定管辖任务办理情况：" + done);
		events.publishEvent(AssistanceObligations.settled(DESIGNATED_TASK, id, actor.agencyCode(), now, true));
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.TASK_REPORTED,
				"%s报告办理情况".formatted(actor.agencyName())));
		directory.legalOfficesOf(directory.cityOf(report.reportingAgencyCode())).forEach(office -> events.publishEvent(
				new InboxDelivery(office, null, "DESIGNATED_TASK_REPORTED",
						"【办理情况】%s报告了案件 %s 的办理情况".formatted(actor.agencyName(), report.caseNumber()), done,
						"/major-reports/" + id, SOURCE, id + ":task:" + actor.agencyCode())));
		return find(id, actor);
	}

	@Override
	public boolean decides(MajorReportView report, SignedInUser user) {
		// the legal office of the report's city; a county's legal officer or another city's does not
		return user.hasRole("LEGAL_OFFICER")
				&& directory.legalOfficesOf(directory.cityOf(report.reportingAgencyCode())).contains(user.agencyCode());
	}

	/** A pending report the legal officer may decide, at the version they saw. */
	private MajorReportView pending(long id, Long version, SignedInUser legalOfficer) {
		MajorReportView report = find(id, legalOfficer);
		if (!decides(report, legalOfficer)) {
			throw DomainException.forbidden("not-legal-officer", "只有市局法制审核人员可以指定管辖");
		}
		if (report.state() != MajorReportState.PENDING) {
			throw DomainException.conflict("report-decided", "该报告已由 %s 处理（%s）".formatted(report.decidedByName(),
					report.state().label()));
		}
		if (version != null && version != report.version()) {
			throw DomainException.conflict("stale-report", "该报告已有变化，请刷新后再处理");
		}
		return report;
	}

	/** Takes the decision on the row, so that of two legal officers deciding at once one gets 409. */
	private void claim(long id, Long version, MajorReportState state, String reason, SignedInUser officer, Instant now) {
		int claimed = jdbc.sql("""
				update major_report set state = ?, decline_reason = ?, decided_at = ?, decided_by_name = ?,
				    version = version + 1
				where id = ? and state = 'PENDING'""" + (version == null ? "" : " and version = " + version.longValue()))
			.params(state.name(), reason, ChineseTime.utc(now), officer.describe(), id)
			.update();
		if (claimed == 0) {
			throw DomainException.conflict("report-decided", "该报告刚刚已被他人处理，请刷新后查看");
		}
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

	private MajorReportView report(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		String reporting = rs.getString("reporting_agency");
		return new MajorReportView(id, rs.getLong("case_id"), rs.getString("case_number"), reporting,
				directory.name(reporting), rs.getString("facts"), MajorReportState.valueOf(rs.getString("state")),
				rs.getString("decline_reason"), instant(rs, "reported_at"), rs.getString("reported_by_name"),
				instant(rs, "decided_at"), rs.getString("decided_by_name"), rs.getLong("version"), designation(id));
	}

	private Designation designation(long reportId) {
		Instant now = clock.instant();
		return jdbc.sql("select * from designation where report_id = ?")
			.param(reportId)
			.query((rs, n) -> new Designation(rs.getLong("id"), rs.getString("number"), rs.getLong("document_id"),
					rs.getString("instructions"), instant(rs, "designated_at"), rs.getString("designated_by_name"),
					tasks(rs.getLong("id"), now)))
			.optional()
			.orElse(null);
	}

	private List<Task> tasks(long designationId, Instant now) {
		return jdbc.sql("select * from designation_party where designation_id = ? order by role desc, agency")
			.param(designationId)
			.query((rs, n) -> {
				Instant due = instant(rs, "due_at");
				Instant reported = instant(rs, "reported_at");
				return new Task(rs.getString("agency"), directory.name(rs.getString("agency")),
						ParticipantRole.valueOf(rs.getString("role")), rs.getString("task"), due, reported,
						rs.getString("report_text"), rs.getString("reported_by_name"),
						rs.getObject("overdue_at") != null || (reported == null && due.isBefore(now)));
			})
			.list();
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-major-report", "重大案件报告 %d 不存在".formatted(id));
	}
}
