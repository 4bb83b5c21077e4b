package org.liandong.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What PostgreSQL was busy with while something was measured: every 100 ms, the backends working on a statement
 * (pg_stat_activity, all databases, autovacuum's workers included), each told by its kind and the start of its
 * statement. The measured work itself is among them; whatever else shows up ran beside it. The sampler's own
 * connection, opened beside the pool, is left out.
 */
final class DatabaseActivity {

	private static final long EVERY_MILLIS = 100;

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
	private final AtomicInteger samples = new AtomicInteger();
	private final AtomicBoolean running = new AtomicBoolean(true);
	private final Thread thread;

	private DatabaseActivity(Connection connection, Duration delay) {
		thread = new Thread(() -> sample(connection, delay), "database-activity");
		thread.setDaemon(true);
		thread.start();
	}

	/** Starts sampling on a connection of its own, until {@link #stop}. */
	static DatabaseActivity start(DataSource dataSource) {
		return start(dataSource, Duration.ZERO);
	}

	/** Starts sampling after the delay (a warm-up), on a connection of its own, until {@link #stop}. */
	static DatabaseActivity start(DataSource dataSource, Duration delay) {
		// connected before the measured time starts: opening a connection forks a backend
		try {
			return new DatabaseActivity(ownConnection(dataSource), delay);
		}
		catch (SQLException e) {
			throw new IllegalStateException("no connection for sampling pg_stat_activity", e);
		}
	}

	/**
	 * Stops; the statements seen, most often first, each with how often it was seen over the number of samples ("—"
	 * where nothing was), at most {@code top} of them. A statement several backends run at once counts once for
	 * each, so the ratio is the average number of backends running it and can pass 100 %.
	 */
	String stop(int top) {
		running.set(false);
		try {
			thread.join(5_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		int total = Math.max(1, samples.get());
		String seenMost = seen.entrySet().stream()
			.sorted(Map.Entry.<String, AtomicInteger>comparingByValue((a, b) -> Integer.compare(b.get(), a.get())))
			.limit(top)
			.map(e -> "%s（%.0f%%）".formatted(e.getKey(), 100.0 * e.getValue().get() / total))
			.collect(Collectors.joining("；"));
		return seenMost.isEmpty() ? "—" : seenMost;
	}

	private void sample(Connection own, Duration delay) {
		// a connection of its own, not the pool's: the measured work keeps all of the pool
		try (Connection connection = own; Statement statement = connection.createStatement()) {
			Thread.sleep(delay.toMillis());
			while (running.get()) {
				try (ResultSet rs = statement.executeQuery("""
						select coalesce(backend_type, '?') as kind, coalesce(datname, '-') as db,
						       left(regexp_replace(coalesce(query, ''), '\\s+', ' ', 'g'), 60) as query
						from pg_stat_activity
						where pid <> pg_backend_pid() and state = 'active'""")) {
					while (rs.next()) {
						String kind = rs.getString("kind");
						String what = (kind.equals("client backend") ? "" : kind + " ") + rs.getString("db") + ": "
								+ rs.getString("query").replace("|", "\\|");
						seen.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
					}
				}
				samples.incrementAndGet();
				Thread.sleep(EVERY_MILLIS);
			}
		}
		catch (SQLException e) {
			seen.put("采样失败：" + e.getMessage(), new AtomicInteger(1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Connection ownConnection(DataSource dataSource) throws SQLException {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
	}
}
