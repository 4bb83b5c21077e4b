package org.liandong.credit.internal;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
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

	/** How many similar names a check lists at most, most similar first. */
	static final int MOST_SIMILAR = 10;

	private final JdbcClient jdbc;
	private final Clock clock;
	/** PostgreSQL finds similar names through the trigram index with {@code %}; H2 has the function only. */
	private final String similar;

	EntriesInForce(JdbcClient jdbc, Clock clock, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.clock = clock;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.similar = "PostgreSQL".equalsIgnoreCase(product) ? "lower(e.subject_name) % lower(:name)"
				: "similarity(lower(e.subject_name), lower(:name)) >= " + Trigrams.THRESHOLD;
	}

	List<Found> withCode(String uscc) {
		return jdbc.sql(IN_FORCE + " and e.subject_uscc = ?").params(ChineseTime.utc(clock.instant()), uscc)
			.query((rs, n) -> found(rs)).list();
	}

	List<Found> withName(String name) {
		return jdbc.sql(IN_FORCE + " and e.subject_name = ?").params(ChineseTime.utc(clock.instant()), name)
			.query((rs, n) -> found(rs)).list();
	}

	/**
	 * Entries in force whose name is not the one asked for but contains it, or is similar to it by
	 * trigrams ({@link Trigrams}): what a person must look at before answering "not listed".
	 */
	List<Similar> similarTo(String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		return jdbc.sql(IN_FORCE.replace("?", ":now") + """
				 and e.subject_name <> :exact
				 and (lower(e.subject_name) like :contains escape '!' or %s)
				order by similarity(lower(e.subject_name), lower(:name)) desc, e.subject_name
				limit %d""".formatted(similar, MOST_SIMILAR))
			.param("now", ChineseTime.utc(clock.instant()))
			.param("exact", name)
			.param("contains", "%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
			.param("name", name)
			.query((rs, n) -> {
				Found found = found(rs);
				return new Similar(found, Trigrams.similarity(found.name(), name));
			})
			.list();
	}

	/** Entries in force under exactly these names, by name: for the rows of a screening whose code is not listed. */
	Map<String, List<Found>> withNames(List<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
		List<Object> params = new ArrayList<>();
		params.add(ChineseTime.utc(clock.instant()));
		params.addAll(names);
		return jdbc.sql(IN_FORCE + " and e.subject_name in (" + marks + ")").params(params)
			.query((rs, n) -> found(rs)).list().stream()
			.collect(Collectors.groupingBy(Found::name, LinkedHashMap::new, Collectors.toList()));
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

	record Similar(Found entry, double similarity) {
	}
}
