package org.liandong.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** What every benchmark report says about where it ran: the commit, the database's settings, the pool. */
final class BenchmarkEnvironment {

	private BenchmarkEnvironment() {
	}

	/** The short commit, marked when the working tree holds uncommitted changes. */
	static String commit() {
		String commit = git("rev-parse", "--short", "HEAD");
		return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? commit : commit + "（工作区另有未提交的改动）";
	}

	/** A PostgreSQL setting as {@code show} gives it. */
	static String setting(JdbcTemplate jdbc, String name) {
		return jdbc.queryForObject("show " + name, String.class);
	}

	/** The machine's load averages over 1, 5 and 15 minutes, from /proc/loadavg where there is one. */
	static String loadAverage() {
		String[] fields = loadAverages();
		return fields.length < 3 ? "?" : String.join(" / ", fields[0], fields[1], fields[2]);
	}

	/** The load average over one minute; 0 where /proc/loadavg is missing. */
	static double oneMinuteLoad() {
		String[] fields = loadAverages();
		return fields.length < 1 ? 0 : Double.parseDouble(fields[0]);
	}

	private static String[] loadAverages() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
		}
		catch (IOException e) {
			return new String[0];
		}
	}

	static String poolSize(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class)
					? Integer.toString(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()) : "?";
		}
		catch (SQLException e) {
			return "?";
		}
	}

	private static String git(String... args) {
		try {
			List<String> command = new ArrayList<>(List.of("git"));
			command.addAll(List.of(args));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).trim();
			return process.waitFor() == 0 ? out : "unknown";
		}
		catch (IOException e) {
			return "unknown";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}
}
