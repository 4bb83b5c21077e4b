package org.liandong.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What autovacuum does on a live database, done for the benchmark's database where the server has it off (this
 * machine's PostgreSQL: autovacuum = off in conf.d/90-ci.conf): every user table of every schema, the benchmark's
 * own, Flowable's and pgbench's alike; the system catalogs are left out. At the start and then every minute
 * (autovacuum_naptime), a table is analysed once more than 50 + 10 % of its rows changed since its last analysis and
 * vacuumed once it has more than 50 + 20 % dead rows or more than 1,000 + 20 % rows inserted since its last vacuum
 * (autovacuum's default thresholds and scale factors), with autovacuum's cost-based delay (2 ms after every 200 cost
 * units), a table another transaction has locked skipped as autovacuum would. Without it, the tables a benchmark
 * fills from empty keep the statistics of an empty table, and the plans made on them stay: in the lifecycle run alone
 * of 2026-12-08 01:02 on a newly generated schema, the foreign-key checks of the inserts that name a letter read the
 * whole of official_document (16.5 % of the machine's processor time in the in-process part by perf record -a -g,
 * under AfterTriggerEndQuery and SPI, almost all of it sequential scans): 42.7 lifecycles a second, and 73.4 in the run
 * with this stand-in that followed on the same schema (one run each). Where autovacuum is on, it does nothing.
 */
final class Autovacuum implements AutoCloseable {

	private static final long NAPTIME_SECONDS = 60;

	private final AtomicBoolean running = new AtomicBoolean(true);
	private final Map<String, Integer> analysed = new ConcurrentHashMap<>();
	private final Map<String, Integer> vacuumed = new ConcurrentHashMap<>();
	private final List<String> failures = new CopyOnWriteArrayList<>();
	private final Thread thread;
	private final boolean standingIn;
	private volatile Statement statement;
	private volatile Duration firstPass;

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
		Connection connection = null;
		try {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
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
			try {
				if (connection != null) {
					connection.close();
				}
			}
			catch (SQLException closing) {
				e.addSuppressed(closing);
			}
			throw new IllegalStateException("no connection for the autovacuum stand-in", e);
		}
	}

	/** A sentence for the report: what was done, or that the server's own autovacuum ran. */
	String describe() {
		if (!standingIn) {
			return "PostgreSQL 的 autovacuum 开启，由它自行分析与清理";
		}
		return ("本机 PostgreSQL 的 autovacuum 关闭，运行期间由 `Autovacuum` 按其默认规则代行：开始时及此后每分钟一次，对自上次分析以来"
				+ "变更的行数超过 50 行加表行数 10%% 的表执行 ANALYZE（更新统计信息），对死元组超过 50 行加表行数 20%%、或自上次清理以来"
				+ "插入超过 1,000 行加表行数 20%% 的表执行 VACUUM（清理），基于代价的延迟与 autovacuum 相同（每 200 个代价单位暂停 2 毫秒），"
				+ "表被锁时跳过。首轮于开始后 %s 完成；ANALYZE %s；VACUUM %s%s")
			.formatted(firstPass == null ? "（未完成）" : "%.1f 秒".formatted(firstPass.toMillis() / 1000.0), list(analysed),
					list(vacuumed), failures.isEmpty() ? "" : "；出错 %d 次，首次：%s".formatted(failures.size(), failures.get(0)));
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
		Statement current = statement;
		if (current != null) {
			try {
				// the driver's socket read does not end on an interrupt; a cancel ends the VACUUM under way
				current.cancel();
			}
			catch (SQLException ignored) {
				// the statement ended meanwhile
			}
		}
		thread.interrupt();
		try {
			thread.join(TimeUnit.MINUTES.toMillis(1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (thread.isAlive()) {
			throw new IllegalStateException("the autovacuum stand-in did not stop within a minute");
		}
	}

	private void work(Connection own) {
		Instant start = Instant.now();
		try (Connection connection = own; Statement statement = connection.createStatement()) {
			this.statement = statement;
			while (running.get()) {
				for (Command command : due(statement)) {
					if (!running.get()) {
						break;
					}
					try {
						statement.execute(command.sql());
						command.count().merge(command.table(), 1, Integer::sum);
					}
					catch (SQLException e) {
						// one table's failure (dropped meanwhile, say) does not end the work for the others
						failures.add(command.table() + ": " + e.getMessage());
					}
				}
				if (firstPass == null) {
					firstPass = Duration.between(start, Instant.now());
				}
				Thread.sleep(TimeUnit.SECONDS.toMillis(NAPTIME_SECONDS));
			}
		}
		catch (SQLException e) {
			failures.add(e.getMessage());
		}
		catch (InterruptedException stopped) {
			// close() ends the sleep
		}
	}

	private record Command(String table, String sql, Map<String, Integer> count) {
	}

	/** The commands due now, by autovacuum's default rule; counted once done. */
	private List<Command> due(Statement statement) throws SQLException {
		List<Command> commands = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("""
				select s.schemaname || '.' || s.relname as name, format('%I.%I', s.schemaname, s.relname) as quoted,
				       s.n_mod_since_analyze, s.n_dead_tup, s.n_ins_since_vacuum, greatest(c.reltuples, 0) as reltuples
				from pg_stat_user_tables s join pg_class c on c.oid = s.relid
				order by s.schemaname, s.relname""")) {
			while (rs.next()) {
				String table = rs.getString("name");
				double rows = rs.getDouble("reltuples");
				// autovacuum_analyze_threshold 50 and _scale_factor 0.1; autovacuum_vacuum_threshold 50 and
				// _scale_factor 0.2; autovacuum_vacuum_insert_threshold 1000 and _scale_factor 0.2 (PostgreSQL 13 on)
				boolean analyse = rs.getLong("n_mod_since_analyze") > 50 + 0.1 * rows;
				boolean vacuum = rs.getLong("n_dead_tup") > 50 + 0.2 * rows
						|| rs.getLong("n_ins_since_vacuum") > 1000 + 0.2 * rows;
				if (vacuum) {
					commands.add(new Command(table, "vacuum (skip_locked) " + rs.getString("quoted"), vacuumed));
				}
				if (analyse) {
					commands.add(new Command(table, "analyze (skip_locked) " + rs.getString("quoted"), analysed));
				}
			}
		}
		return commands;
	}
}
