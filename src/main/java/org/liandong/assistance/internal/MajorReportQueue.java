package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.Words.instant;

import java.util.Map;

import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportSummary;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue of major-case reports (R2.5): the city's reports for the city bureau and its offices,
 * worked oldest first; a bureau's own reports for a bureau.
 */
@Component
record MajorReportQueue(AgencyDirectory directory, JdbcClient jdbc) {

	Page<MajorReportSummary> queue(MajorReportState state, SignedInUser reader, Pageable pageable) {
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
}
