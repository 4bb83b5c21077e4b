package org.liandong.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries in force, what a credit check answers from (R4.3): published and not yet at the end
 * of their publication, found by a subject's code, by its name, or for a chunk of codes at once.
 * Shared by the single check and the bulk screening.
 */
@Component
class EntriesInForce {

	private static final String IN_FORCE = """
			select e.id, e.subject_uscc, e.subject_name, e.decision_number, e.published_until from credit_entry e
			where e.state = 'PUBLISHED' and e.published_until > ?""";

	private final JdbcClient jdbc;
	private final Clock clock;

	EntriesInForce(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Found> withCode(String uscc) {
		return jdbc.sql(IN_FORCE + " and e.subject_uscc = ?").params(ChineseTime.utc(clock.instant()), uscc)
			.query((rs, n) -> found(rs)).list();
	}

	List<Found> withName(String name) {
		return jdbc.sql(IN_FORCE + " and e.subject_name = ?").params(ChineseTime.utc(clock.instant()), name)
			.query((rs, n) -> found(rs)).list();
	}

	Map<String, List<Found>> withCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(codes.size(), "?"));
		List<Object> params = new ArrayList<>();
		params.add(ChineseTime.utc(clock.instant()));
		params.addAll(codes);
		return jdbc.sql(IN_FORCE + " and e.subject_uscc in (" + marks + ")").params(params)
			.query((rs, n) -> found(rs)).list().stream()
			.collect(Collectors.groupingBy(Found::uscc, LinkedHashMap::new, Collectors.toList()));
	}

	private static Found found(ResultSet rs) throws SQLException {
		return new Found(rs.getLong("id"), rs.getString("subject_uscc"), rs.getString("subject_name"),
				rs.getString("decision_number"), EntryAccess.instant(rs, "published_until"));
	}

	record Found(long id, String uscc, String name, String decisionNumber, Instant publishedUntil) {
	}
}
