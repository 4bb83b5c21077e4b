package org.liandong.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * The rate limits' buckets on H2 (the demo and test database), the way Bucket4j's PostgreSQL
 * select-for-update backend keeps them on PostgreSQL: a row per bucket, locked with
 * {@code select … for update} while a request changes it. Bucket4j 8.14 has no backend for H2, and
 * the PostgreSQL one creates a missing row with {@code on conflict (id) do nothing}, a conflict
 * target H2 does not parse; this one says {@code on conflict do nothing}, otherwise the same
 * statements on the same table ({@code rate_limit_bucket}, V29).
 */
final class H2Buckets extends AbstractSelectForUpdateBasedProxyManager<String> {

	private static final String LOCK = "select state from rate_limit_bucket where id = ? for update";
	private static final String CREATE = "insert into rate_limit_bucket (id, state) values (?, null) on conflict do nothing";
	private static final String UPDATE = "update rate_limit_bucket set state = ?, expires_at = ? where id = ?";
	private static final String REMOVE = "delete from rate_limit_bucket where id = ?";

	private final DataSource dataSource;
	private final CustomColumnProvider<String> expiresAt;

	H2Buckets(DataSource dataSource, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
		this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
				config.getExpirationAfterWriteStrategy().orElseThrow());
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	public void removeProxy(String key) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement remove = connection.prepareStatement(REMOVE)) {
			remove.setString(1, key);
			remove.executeUpdate();
		}
		catch (SQLException e) {
			throw new BucketExecutionException(e);
		}
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		try {
			return new Transaction(key, dataSource.getConnection());
		}
		catch (SQLException e) {
			throw new BucketExecutionException(e);
		}
	}

	/** One request on one bucket: its own connection, committed or rolled back by Bucket4j. */
	private final class Transaction implements SelectForUpdateBasedTransaction {

		private final String key;
		private final Connection connection;

		Transaction(String key, Connection connection) {
			this.key = key;
			this.connection = connection;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			run(() -> connection.setAutoCommit(false));
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			try (PreparedStatement lock = statement(LOCK, timeoutNanos)) {
				lock.setString(1, key);
				try (ResultSet row = lock.executeQuery()) {
					return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
				}
			}
			catch (SQLException e) {
				throw new BucketExecutionException(e);
			}
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			try (PreparedStatement create = statement(CREATE, timeoutNanos)) {
				create.setString(1, key);
				return create.executeUpdate() > 0;
			}
			catch (SQLException e) {
				throw new BucketExecutionException(e);
			}
		}

		@Override
		public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
			try (PreparedStatement update = statement(UPDATE, timeoutNanos)) {
				update.setBytes(1, data);
				expiresAt.setCustomField(key, 2, update, state, currentTimeNanos());
				update.setString(3, key);
				update.executeUpdate();
			}
			catch (SQLException e) {
				throw new BucketExecutionException(e);
			}
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			run(connection::commit);
		}

		@Override
		public void rollback() {
			run(connection::rollback);
		}

		@Override
		public void release() {
			run(connection::close);
		}

		private PreparedStatement statement(String sql, Optional<Long> timeoutNanos) throws SQLException {
			PreparedStatement statement = connection.prepareStatement(sql);
			applyTimeout(statement, timeoutNanos);
			return statement;
		}
	}

	private interface SqlAction {
		void run() throws SQLException;
	}

	private static void run(SqlAction action) {
		try {
			action.run();
		}
		catch (SQLException e) {
			throw new BucketExecutionException(e);
		}
	}
}
