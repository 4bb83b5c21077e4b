package org.liandong.cases.internal;

import java.time.Instant;

import org.liandong.agency.Agencies;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.MajorCaseToReport;
import org.liandong.cases.Severity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Opens and withdraws the host's obligation to report a major case (R7.1), three working days by
 * default ({@code liandong.cases.major-report-working-days}). A case the city bureau hosts is already
 * where a report would go, so it owes none.
 */
@Component
record MajorCaseReportDeadline(WorkingCalendar calendar, Agencies agencies, ApplicationEventPublisher events,
		@Value("${liandong.cases.major-report-working-days:3}") int workingDays) {

	void severitySet(EnforcementCase found, Severity before, Instant at) {
		if (before == found.severity() || agencies.isCityLevel(found.hostAgency())) {
			return;
		}
		if (found.severity() == Severity.MAJOR) {
			events.publishEvent(MajorCaseToReport.due(found.id(), found.number(), found.hostAgency(),
					calendar.endOfWorkingDays(at, workingDays)));
		}
		else if (before == Severity.MAJOR) {
			events.publishEvent(MajorCaseToReport.settled(found.id(), found.hostAgency(), at, false));
		}
	}
}
