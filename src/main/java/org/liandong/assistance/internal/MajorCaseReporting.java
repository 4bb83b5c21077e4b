package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.MajorCaseService.SOURCE;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;

import java.time.Clock;
import java.time.Instant;

import org.liandong.assistance.MajorCaseEvent;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewMajorReport;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.MajorCaseToReport;
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
 * Reporting a case as major to the city bureau (R2.5): a case officer of a bureau taking part in the
 * case reports it, once while a report waits; the legal offices of the city hear of it in their inbox, and
 * the city owes a designation (R7.1). The report meets the host's obligation to report (R2.5).
 */
@Component
record MajorCaseReporting(MajorReportAccess access, Cases cases, AgencyDirectory directory, JdbcClient jdbc,
		WorkingCalendar calendar, AssistanceSettings settings, ApplicationEventPublisher events, Clock clock) {

	MajorReportView report(long caseId, NewMajorReport report, SignedInUser reporter) {
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
		events.publishEvent(MajorCaseToReport.settled(caseId, about.hostAgencyCode(), now, true));
		events.publishEvent(AssistanceObligations.designationDue(id, about.number(), city,
				calendar.endOfWorkingDays(now, settings.designateWorkingDays())));
		events.publishEvent(new MajorCaseEvent(id, caseId, about.number(), MajorCaseEvent.Kind.REPORTED,
				"%s报告重大案件".formatted(reporter.agencyName())));
		directory.legalOfficesOf(city).forEach(office -> events.publishEvent(new InboxDelivery(office, null, "MAJOR_REPORTED",
				"【重大案件报告】%s报告案件 %s，请指定管辖".formatted(reporter.agencyName(), about.number()),
				report.facts().trim(), "/major-reports/" + id, SOURCE, id + ":reported")));
		return access.find(id, reporter);
	}
}
