package org.liandong.assistance.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.liandong.assistance.AssistanceRequestView.HistoryEntry;
import org.liandong.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** Everything that happened to a request, appended in the transaction of what happened. */
@Component
record RequestHistory(JdbcClient jdbc) {

	/** Appends an entry; its id identifies the inbox message that reports it. */
	long append(long requestId, SignedInUser actor, String action, String detail, Instant at) {
		return append(requestId, actor.getUsername(), actor.describe(),
				actor.agencyCode(), action, detail, at);
	}

	long append(long requestId, String actor, String actorName, String actorAgency, String action, String detail,
			Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into assistance_history (request_id, occurred_at, actor, actor_name, actor_agency, action, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, actorName, actorAgency, action,
					detail.length() > 8000 ? detail.substring(0, 8000) : detail)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	List<HistoryEntry> of(long requestId) {
		return jdbc.sql("select * from assistance_history where request_id = ? order by id")
			.param(requestId)
			.query((rs, n) -> new HistoryEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor_name"), rs.getString("actor_agency"), rs.getString("action"),
					rs.getString("detail")))
			.list();
	}
}
