package org.liandong.assistance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Assistance requests in their rows: one select to load a request, one insert to store a draft, one
 * update to save a change, which only the version the request was loaded at may make (issue 18). Spring
 * Data JDBC's generic mapping of the request's forty-odd properties did the same in a third of the
 * processor samples of an in-process lifecycle (JFR, benchmark run of 2026-12-07 19:42).
 */
@Component
class AssistanceRequestStore {

	private final JdbcClient jdbc;

	private final String insert;

	private final String update;

	AssistanceRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		// the written columns' names, in the order every request's written() gives its values
		List<String> columns = List.copyOf(AssistanceRequest.draft(0, "", "", "", "", "", null, "", "", null)
			.written().keySet());
		insert = "insert into assistance_request (" + String.join(", ", columns) + ", version) values ("
				+ "?, ".repeat(columns.size()) + "0)";
		update = "update assistance_request set " + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
				+ ", version = version + 1 where id = ? and version = ?";
	}

	Optional<AssistanceRequest> find(long id) {
		return jdbc.sql("select * from assistance_request where id = ?").param(id)
			.query((rs, n) -> AssistanceRequest.of(rs))
			.optional();
	}

	/** Stores a new request at version 0. */
	AssistanceRequest insert(AssistanceRequest draft) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(insert).params(values(draft.written())).update(key, "id");
		return draft.stored(key.getKeyAs(Long.class), 0);
	}

	/**
	 * Saves the request over the version it was loaded at.
	 *
	 * @throws OptimisticLockingFailureException if another save came first
	 */
	AssistanceRequest update(AssistanceRequest r) {
		List<Object> values = values(r.written());
		values.add(r.id());
		values.add(r.version());
		if (jdbc.sql(update).params(values).update() != 1) {
			throw new OptimisticLockingFailureException("assistance request " + r.id() + " is no longer at version "
					+ r.version());
		}
		return r.stored(r.id(), r.version() + 1);
	}

	private static List<Object> values(Map<String, Object> written) {
		return new ArrayList<>(written.values());
	}
}
