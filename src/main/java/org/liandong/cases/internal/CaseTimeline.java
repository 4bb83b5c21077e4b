package org.liandong.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.liandong.cases.CaseView.TimelineEntry;
import org.liandong.platform.RowsAtCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to a case, appended in the transaction of what happened: the entries of a
 * transaction in one statement as it commits (issue 18: a letter sent adds its assisting bureau and the
 * sending, two entries), or where the caller flushes them.
 */
@Component
record CaseTimeline(JdbcClient jdbc) {

	private static final String TABLE = "case_timeline";

	private static final List<String> COLUMNS = List.of("case_id", "occurred_at", "actor", "actor_name", "actor_agency",
			"kind", "detail");

	void append(long caseId, Editor actor, String kind, String detail, Instant at) {
		RowsAtCommit.add(jdbc, TABLE, COLUMNS, List.<Object[]>of(new Object[] { caseId,
				OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor.username(), actor.describe(), actor.agencyCode(), kind,
				detail.length() > 2000 ? detail.substring(0, 2000) : detail }));
	}

	/** Writes the transaction's entries now: a reference to an unknown case fails here, not at the commit. */
	void flush() {
		RowsAtCommit.flush(TABLE);
	}

	List<TimelineEntry> of(long caseId) {
		flush();
		return jdbc.sql("select * from case_timeline where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> entry(rs))
			.list();
	}

	private static TimelineEntry entry(ResultSet rs) throws SQLException {
		return new TimelineEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor_name"),
				rs.getString("actor_agency"), rs.getString("kind"), rs.getString("detail"));
	}
}
