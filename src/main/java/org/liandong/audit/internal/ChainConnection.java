package org.liandong.audit.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection the chaining holds while records keep coming (issue 18): taken from the pool by the
 * first chaining, given back once nothing waits. Under load the chainer then does not queue for a
 * connection behind the requests whose records it chains, which kept records unchained for seconds;
 * idle, it holds none. Used under the chainer's lock only, one thread at a time.
 */
final class ChainConnection {

	private final DataSource pool;

	private SingleConnectionDataSource held;
	private JdbcClient jdbc;
	private TransactionTemplate transactions;

	ChainConnection(DataSource pool) {
		this.pool = pool;
	}

	JdbcClient jdbc() {
		open();
		return jdbc;
	}

	TransactionTemplate transactions() {
		open();
		return transactions;
	}

	/** Gives the connection back to the pool; after a failure too, so that a broken one is not used again. */
	void release() {
		if (held != null) {
			// closes the pool's connection, which returns it; a broken one the pool replaces
			held.destroy();
			held = null;
			jdbc = null;
			transactions = null;
		}
	}

	private void open() {
		if (held != null) {
			return;
		}
		try {
			held = new SingleConnectionDataSource(pool.getConnection(), true);
		}
		catch (SQLException e) {
			throw new CannotGetJdbcConnectionException("no connection for the audit chaining", e);
		}
		jdbc = JdbcClient.create(held);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(held));
	}
}
