package org.liandong.encryption.internal;

import java.util.ArrayList;
import java.util.List;

import org.liandong.platform.EncryptedColumn;
import org.liandong.platform.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one sealed column again under the current master key (issue 19), walking its rows by key
 * in batches, each batch one short transaction with the run's progress. A value is replaced only
 * if it is still the one that was read: a value a person changed meanwhile (written under the
 * current key) is never overwritten with a stale one. The row's own version and change time stay
 * as they were, since what the value says did not change. A value no known key opens is counted,
 * named and left as it is.
 */
@Component
class ColumnRewrite {

	private static final Logger log = LoggerFactory.getLogger(ColumnRewrite.class);

	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final TransactionTemplate transactions;
	private final int batchSize;

	ColumnRewrite(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate transactions,
			@Value("${liandong.security.re-encryption.batch-size:200}") int batchSize) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.transactions = transactions;
		this.batchSize = batchSize;
	}

	void walk(long runId, EncryptedColumn column) {
		long after = Long.MIN_VALUE;
		while (true) {
			long from = after;
			Batch batch = transactions.execute(status -> batch(runId, column, from));
			if (batch.rows() < batchSize) {
				return;
			}
			after = batch.lastRowId();
		}
	}

	private record Row(long id, String place, String stored) {
	}

	private record Batch(int rows, long lastRowId) {
	}

	private Batch batch(long runId, EncryptedColumn column, long after) {
		List<Row> rows = jdbc.sql("select %s, %s, %s from %s where %s > ? and %s is not null order by %s limit ?"
			.formatted(column.rowId(), column.placeColumn(), column.column(), column.table(), column.rowId(),
					column.column(), column.rowId()))
			.params(after, batchSize)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		int rewritten = 0;
		List<Row> failed = new ArrayList<>();
		for (Row row : rows) {
			String context = column.context().apply(row.place());
			String replacement;
			try {
				replacement = cipher.rewritten(row.stored(), context);
			}
			catch (IllegalStateException unreadable) {
				log.warn("Re-encryption {}: {} of row {} opens under no known key", runId, column.name(), row.id());
				failed.add(row);
				continue;
			}
			if (replacement != null && replace(column, row, replacement)) {
				rewritten++;
			}
		}
		for (Row row : failed) {
			jdbc.sql("insert into field_re_encryption_failure (run_id, column_name, row_id, place) values (?, ?, ?, ?)")
				.params(runId, column.name(), row.id(), column.context().apply(row.place()))
				.update();
		}
		jdbc.sql("""
				update field_re_encryption set values_done = values_done + ?, values_rewritten = values_rewritten + ?,
				    values_failed = values_failed + ?
				where id = ?""")
			.params(rows.size(), rewritten, failed.size(), runId)
			.update();
		return new Batch(rows.size(), rows.isEmpty() ? after : rows.get(rows.size() - 1).id());
	}

	/** Replaces the value if it is still the one read (the row-level optimistic check). */
	private boolean replace(EncryptedColumn column, Row row, String replacement) {
		return jdbc.sql("update %s set %s = ? where %s = ? and %s = ?"
			.formatted(column.table(), column.column(), column.rowId(), column.column()))
			.params(replacement, row.id(), row.stored())
			.update() == 1;
	}
}
