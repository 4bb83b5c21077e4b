package org.liandong.meetings.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.liandong.meetings.Attendance;
import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members' attendance of the meetings held in a period (R5.3: present, absent with a reason, or
 * neither), for the year-end evaluation (R8.2). A meeting counts once it has begun and was not
 * cancelled; the member's reply is what it said it would do. Runs in the transaction of the
 * {@link MeetingService} method that calls it.
 */
@Component
record MeetingAttendance(JdbcClient jdbc) {

	Map<String, Attendance> of(Collection<String> agencyCodes, Instant from, Instant until) {
		Map<String, Attendance> attendance = new HashMap<>();
		if (agencyCodes.isEmpty()) {
			return attendance;
		}
		jdbc.sql("""
				select mm.agency, count(*) as meetings,
				    sum(case when mm.reply = 'ATTEND' then 1 else 0 end) as present,
				    sum(case when mm.reply = 'ABSENT' then 1 else 0 end) as excused
				from meeting m join meeting_member mm on mm.meeting_id = m.id
				where m.state <> 'CANCELLED' and m.starts_at >= :from and m.starts_at < :until
				  and mm.agency in (:agencies)
				group by mm.agency""")
			.paramSource(new MapSqlParameterSource().addValue("from", ChineseTime.utc(from))
				.addValue("until", ChineseTime.utc(until))
				.addValue("agencies", agencyCodes))
			.query(rs -> {
				String agency = rs.getString("agency");
				attendance.put(agency, new Attendance(agency, rs.getInt("meetings"), rs.getInt("present"),
						rs.getInt("excused")));
			});
		return attendance;
	}
}
