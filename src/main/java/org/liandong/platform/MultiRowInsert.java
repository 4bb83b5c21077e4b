package org.liandong.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows written with one {@code insert … values (…), (…)} statement instead of one statement each (issue 18): the
 * audit records of a transaction, the readers and evidences of a letter. Large sets go in chunks, so no statement
 * carries more parameters than a database takes (PostgreSQL: 65,535).
 */
public final class MultiRowInsert {

	private static final int MAX_PARAMETERS = 30_000;

	private MultiRowInsert() {
	}

	/** Inserts the rows, each an array of the columns' values in the columns' order; nothing for no rows. */
	public static void into(JdbcClient jdbc, String table, List<String> columns, List<Object[]> rows) {
		int perChunk = Math.max(1, MAX_PARAMETERS / columns.size());
		String head = "insert into " + table + " (" + String.join(", ", columns) + ") values ";
		String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
		for (int from = 0; from < rows.size(); from += perChunk) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perChunk));
			List<Object> params = new ArrayList<>(chunk.size() * columns.size());
			chunk.forEach(values -> Collections.addAll(params, values));
			jdbc.sql(head + String.join(", ", Collections.nCopies(chunk.size(), row))).params(params).update();
		}
	}
}
