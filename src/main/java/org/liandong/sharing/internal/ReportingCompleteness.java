package org.liandong.sharing.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.liandong.sharing.Timeliness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completeness and timeliness of the periodic reports per bureau (R6.1), over the reports due so
 * far, for one schedule or all. Runs in the transaction of the {@link SharingService} method that
 * calls it.
 */
@Component
record ReportingCompleteness(Agencies agencies, JdbcClient jdbc, Clock clock, SharingRecords records) {

	List<Timeliness> timeliness(Long scheduleId, SignedInUser reader) {
		Map<String, String> names = records.names();
		String city = records.cityOf(agencies.find(reader.agencyCode()).orElseThrow());
		Map<String, int[]> counts = new LinkedHashMap<>();
		records.bureaus(city).forEach(bureau -> counts.put(bureau, new int[3]));
		jdbc.sql("""
				select o.agency, count(*) as expected, count(o.first_submitted_at) as received,
				       sum(case when o.first_submitted_at is not null and o.first_submitted_at <= o.due_at then 1 else 0 end) as on_time
				from report_obligation o join report_schedule s on s.id = o.schedule_id
				where s.city_agency = ? and o.due_at <= ? and (cast(? as bigint) is null or o.schedule_id = ?)
				group by o.agency""")
			.params(city, ChineseTime.utc(clock.instant()), scheduleId, scheduleId)
			.query((rs, n) -> {
				counts.computeIfAbsent(rs.getString("agency"), a -> new int[3]);
				int[] c = counts.get(rs.getString("agency"));
				c[0] = rs.getInt("expected");
				c[1] = rs.getInt("received");
				c[2] = rs.getInt("on_time");
				return c;
			})
			.list();
		return counts.entrySet().stream()
			.map(e -> Timeliness.of(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
					e.getValue()[1], e.getValue()[2]))
			.toList();
	}
}
