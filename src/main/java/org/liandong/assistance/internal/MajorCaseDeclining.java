package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.MajorCaseService.SOURCE;
import static org.liandong.assistance.internal.Words.trimmed;

import java.time.Clock;
import java.time.Instant;

import org.liandong.assistance.MajorCaseEvent;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportView;
import org.liandong.cases.Cases;
import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Declining a major-case report (R2.5): the city's legal office does not designate jurisdiction,
 * giving its reason, which goes on the case and to the reporting bureau.
 */
@Component
record MajorCaseDeclining(MajorReportAccess access, Cases cases, ApplicationEventPublisher events, Clock clock) {

	MajorReportView decline(long id, String reason, Long version, SignedInUser legalOfficer) {
		MajorReportView report = access.pending(id, version, legalOfficer);
		String why = trimmed(reason);
		if (why == null) {
			throw DomainException.invalid("decline-needs-reason", "不作为重大案件指定管辖的，请写明理由");
		}
		Instant now = clock.instant();
		access.claim(id, version, MajorReportState.DECLINED, why, legalOfficer, now);
		cases.record(report.caseId(), legalOfficer, "MAJOR_DECLINED", "市局不作为重大案件指定管辖：" + why);
		events.publishEvent(new MajorCaseEvent(id, report.caseId(), report.caseNumber(), MajorCaseEvent.Kind.DECLINED, why));
		events.publishEvent(new InboxDelivery(report.reportingAgencyCode(), null, "MAJOR_DECLINED",
				"【重大案件报告】案件 %s 不作为重大案件指定管辖".formatted(report.caseNumber()), why, "/major-reports/" + id,
				SOURCE, id + ":declined"));
		return access.find(id, legalOfficer);
	}
}
