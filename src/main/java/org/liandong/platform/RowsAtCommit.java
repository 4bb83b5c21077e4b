package org.liandong.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction appends to a log-like table (a case's timeline, a letter's evidences), written
 * together in one statement just before it commits instead of one statement each (issue 18). They
 * commit or roll back with the transaction as before; a read of the table in the same transaction
 * calls {@link #flush} first, so it sees them. Outside a transaction they are written at once.
 */
public final class RowsAtCommit {

	private RowsAtCommit() {
	}

	/**
	 * Adds rows for {@code table}, each an array of the columns' values in the columns' order. A table has one
	 * column list: a transaction that adds rows of other columns to it is refused.
	 */
	public static void add(JdbcClient jdbc, String table, List<String> columns, List<Object[]> rows) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			MultiRowInsert.into(jdbc, table, columns, rows);
			return;
		}
		Rows pending = find(table);
		if (pending == null) {
			pending = new Rows(jdbc, table, columns);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		else if (!pending.columns.equals(columns)) {
			throw new IllegalArgumentException("rows for %s with columns %s after %s".formatted(table, columns,
					pending.columns));
		}
		pending.rows.addAll(rows);
	}

	/** Writes now the rows the current transaction holds for {@code table}, before it is read. */
	public static void flush(String table) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			Rows pending = find(table);
			if (pending != null) {
				pending.write();
			}
		}
	}

	private static Rows find(String table) {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Rows rows && rows.table.equals(table)) {
				return rows;
			}
		}
		return null;
	}

	private static final class Rows implements TransactionSynchronization {

		private final JdbcClient jdbc;
		private final String table;
		private final List<String> columns;
		private final List<Object[]> rows = new ArrayList<>();

		Rows(JdbcClient jdbc, String table, List<String> columns) {
			this.jdbc = jdbc;
			this.table = table;
			this.columns = columns;
		}

		void write() {
			if (!rows.isEmpty()) {
				MultiRowInsert.into(jdbc, table, columns, rows);
				rows.clear();
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
		}

		/** Before the audit records (the lowest), so those are the last writes of the transaction. */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}
	}
}
