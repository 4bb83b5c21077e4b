package org.liandong.oversight.internal.ledger;

import java.time.Clock;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.assistance.AssistanceRequestTransitioned;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.ReturnReason;
import org.liandong.platform.ChineseTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records against a bureau each request it returned without one of the lawful grounds (R7.2): the
 * listed reasons are the grounds the mechanism accepts for not assisting; "other" is recorded so the
 * city bureau can judge it. Runs in the transaction of the return.
 */
@Component
record ReturnConduct(JdbcClient jdbc, Agencies agencies, Clock clock) {

	@EventListener
	void on(AssistanceRequestTransitioned moved) {
		if (moved.action() != RequestAction.RETURN || moved.returnReason() != ReturnReason.OTHER) {
			return;
		}
		String bureau = moved.assistingAgencyCode();
		AgencySummary agency = agencies.find(bureau).orElseThrow();
		String detail = "%s以“其他原因”退回协查请求 %s：%s".formatted(agency.name(), moved.number(),
				moved.detail() == null ? "" : moved.detail());
		jdbc.sql("""
				insert into conduct_record (agency, city_agency, kind, subject_type, subject_id, subject_name, detail,
				    recorded_at)
				values (?, ?, 'UNEXPLAINED_RETURN', 'assistance-request', ?, ?, ?, ?)""")
			.params(bureau, agency.cityCode(), moved.requestId(), moved.number() == null ? "" : moved.number(),
					ObligationRows.clip(detail, 1000), ChineseTime.utc(clock.instant()))
			.update();
	}
}
