package org.liandong.assistance.internal;

import static org.liandong.assistance.ObligationOverdue.Obligation.DESIGNATED_TASK;
import static org.liandong.assistance.internal.MajorCaseService.SOURCE;
import static org.liandong.assistance.internal.Words.requireCaseOfficer;
import static org.liandong.assistance.internal.Words.trimmed;

import java.time.Clock;
import java.time.Instant;

import org.liandong.assistance.MajorCaseEvent;
import org.liandong.assistance.MajorReportView;
import org.liandong.cases.Cases;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A designated agency reports how it carried out its task (R2.5), once: this meets its obligation in
 * oversight's ledger (R7.1) and tells the legal offices of the city.
 */
@Component
record DesignatedTaskReporting(MajorReportAccess access, Cases cases, AgencyDirectory directory, JdbcClient jdbc,
		ApplicationEventPublisher events, Clock clock) {

	MajorReportView reportTask(long id, String text, SignedInUser actor) {
		requireCaseOfficer(actor, "报告办理情况");
		MajorReportView report = access.find(id, actor);
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
		return access.find(id, actor);
	}
}
