package org.liandong.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What autovacuum does on a live database, done for the benchmark's database where the server has it off (this
 * machine's PostgreSQL: autovacuum = off in conf.d/90-ci.conf): every table of every schema, the benchmark's own,
 * Flowable's and pgbench's alike. At the start and then every minute
 * (autovacuum_naptime), a table is analysed once more than 50 + 10 % of its rows changed since its last analysis and
 * vacuumed once it has more than 50 + 20 % dead rows (autovacuum's default thresholds and scale factors), with
 * autovacuum's cost-based delay (2 ms after every 200 cost units). Without it, the tables a benchmark fills from empty
 * keep an empty table's statistics: in the lifecycle run alone of 2026-12-08 on a new schema, the foreign-key checks
 * of the inserts that name a letter read the whole of official_document (16.5 % of the machine's processor time in
 * the in-process part, almost all of it sequential scans), 42.7 lifecycles a second against 73.4 with this stand-in.
 * Where autovacuum is on, it does nothing.
 */
final class Autovacuum implements AutoCloseable {

	private static final long NAPTIME_SECONDS = 60;

	private final AtomicBoolean running = new AtomicBoolean(true);
	private final Map<String, Integer> analysed = new TreeMap<>();
	private final Map<String, Integer> vacuumed = new TreeMap<>();
	private final Thread thread;
	private final boolean standingIn;
	private volatile String failure;

	private Autovacuum(Connection connection) {
		standingIn = connection != null;
		thread = new Thread(() -> work(connection), "autovacuum-stand-in");
		thread.setDaemon(true);
		if (standingIn) {
			thread.start();
		}
	}

	/** Starts standing in for autovacuum on the pool's database, on a connection of its own, if the server has it off. */
	static Autovacuum start(DataSource dataSource) {
		try {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
			try (Statement statement = connection.createStatement();
					ResultSet on = statement.executeQuery("select current_setting('autovacuum') = 'on'")) {
				on.next();
				if (on.getBoolean(1)) {
					connection.close();
					return new Autovacuum(null);
				}
				statement.execute("set vacuum_cost_delay = '2ms'");
				statement.execute("set vacuum_cost_limit = 200");
			}
			return new Autovacuum(connection);
		}
		catch (SQLException e) {
			throw new IllegalStateException("no connection for the autovacuum stand-in", e);
		}
	}

	/** A sentence for the report: what was done, or that the server's own autovacuum ran. */
	synchronized String describe() {
		if (!standingIn) {
			return "PostgreSQL 的 autovacuum 开启，由它自行分析与清理";
		}
		return ("本机 PostgreSQL 的 autovacuum 关闭，运行期间由 `Autovacuum` 按其默认规则代行（开始时及每分钟一次：自上次分析后变更超过"
				+ " 50 行 + 10%% 的表 analyze，死元组超过 50 行 + 20%% 的表 vacuum，带 autovacuum 的 2 毫秒代价延迟）：analyze %s；vacuum %s%s")
			.formatted(list(analysed), list(vacuumed), failure == null ? "" : "；出错：" + failure);
	}

	/** "n 次（m 张表；最多：t × k、…）", the five tables done most often named. */
	private static String list(Map<String, Integer> counts) {
		if (counts.isEmpty()) {
			return "0 次";
		}
		return "%d 次（%d 张表；最多：%s）".formatted(counts.values().stream().mapToInt(Integer::intValue).sum(), counts.size(),
				counts.entrySet().stream()
					.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
					.limit(5)
					.map(e -> "%s × %d".formatted(e.getKey(), e.getValue()))
					.collect(Collectors.joining("、")));
	}

	@Override
	public void close() {
		running.set(false);
		thread.interrupt();
		try {
			thread.join(TimeUnit.MINUTES.toMillis(5));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void work(Connection own) {
		try (Connection connection = own; Statement statement = connection.createStatement()) {
			while (running.get()) {
				for (String command : due(statement)) {
					statement.execute(command);
				}
				Thread.sleep(TimeUnit.SECONDS.toMillis(NAPTIME_SECONDS));
			}
		}
		catch (SQLException e) {
			failure = e.getMessage();
		}
		catch (InterruptedException stopped) {
			// close() ends the sleep
		}
	}

	/** The commands due now, by autovacuum's default rule, counted as they are chosen. */
	private synchronized List<String> due(Statement statement) throws SQLException {
		List<String> commands = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("""
				select s.schemaname, s.relname, s.n_mod_since_analyze, s.n_dead_tup, greatest(c.reltuples, 0) as reltuples
				from pg_stat_user_tables s join pg_class c on c.oid = s.relid
				order by s.schemaname, s.relname""")) {
			while (rs.next()) {
				String table = rs.getString("schemaname") + "." + rs.getString("relname");
				double rows = rs.getDouble("reltuples");
				boolean analyse = rs.getLong("n_mod_since_analyze") > 50 + 0.1 * rows;
				boolean vacuum = rs.getLong("n_dead_tup") > 50 + 0.2 * rows;
				if (analyse) {
					analysed.merge(table, 1, Integer::sum);
				}
				if (vacuum) {
					vacuumed.merge(table, 1, Integer::sum);
				}
				if (analyse || vacuum) {
					commands.add((vacuum ? analyse ? "vacuum analyze " : "vacuum " : "analyze ") + "\"" + rs.getString("schemaname")
							+ "\".\"" + rs.getString("relname") + "\"");
				}
			}
		}
		return commands;
	}
}
