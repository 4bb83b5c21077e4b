package org.liandong.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster of a test's own (issue 24), made with the machine's {@code initdb}
 * and run with {@code pg_ctl} on a free port, its data, socket and log under one directory. The
 * server refuses to run as root, so when the tests run as root (as in .ci/run) every command runs as
 * the {@code postgres} operating-system user ({@code runuser}), and the directories are given to it.
 */
public final class PostgresCluster {

	private final Path directory;

	private final int port;

	private PostgresCluster(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/** The installed server's programs: /usr/lib/postgresql/<newest>/bin, or liandong.it.pg-bin. */
	public static Path bin() {
		String configured = System.getProperty("liandong.it.pg-bin");
		if (configured != null) {
			return Path.of(configured);
		}
		File[] versions = new File("/usr/lib/postgresql").listFiles(dir -> new File(dir, "bin/initdb").canExecute());
		if (versions == null || versions.length == 0) {
			throw new IllegalStateException("no PostgreSQL server programs in /usr/lib/postgresql/*/bin (apt-get install postgresql)");
		}
		return Arrays.stream(versions)
			.max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getName().replaceAll("\\D", "0"))))
			.orElseThrow()
			.toPath()
			.resolve("bin");
	}

	/** A directory the server's user may write, for clusters, backups and archives. */
	public static Path workspace(String name) throws IOException {
		Path dir = Files.createTempDirectory(Path.of("/tmp"), "liandong-" + name + "-");
		giveToServerUser(dir);
		return dir;
	}

	/** A new cluster in {@code directory/data}, not started; {@code settings} are lines of postgresql.conf. */
	public static PostgresCluster init(Path directory, String... settings) throws IOException {
		PostgresCluster cluster = new PostgresCluster(directory, freePort());
		Files.createDirectories(directory);
		giveToServerUser(directory);
		cluster.run(bin().resolve("initdb").toString(), "-D", cluster.data().toString(), "-U", "postgres", "-A", "trust",
				"-E", "UTF8", "--locale=C", "--no-sync");
		cluster.configure(settings);
		return cluster;
	}

	/** A cluster whose data directory is already there (restored, or a standby's copy). */
	public static PostgresCluster existing(Path directory, String... settings) throws IOException {
		PostgresCluster cluster = new PostgresCluster(directory, freePort());
		cluster.configure(settings);
		return cluster;
	}

	private void configure(String... settings) throws IOException {
		List<String> lines = new ArrayList<>(List.of("", "# the test's own cluster", "port = " + port,
				"listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + directory + "'",
				"max_connections = 60", "shared_buffers = 32MB", "logging_collector = off"));
		lines.addAll(List.of(settings));
		Files.writeString(data().resolve("postgresql.conf"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		giveToServerUser(directory);
	}

	public Path directory() {
		return directory;
	}

	public Path data() {
		return directory.resolve("data");
	}

	public int port() {
		return port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public PostgresCluster start() throws IOException {
		run(bin().resolve("pg_ctl").toString(), "-D", data().toString(), "-l", directory.resolve("server.log").toString(),
				"-w", "-t", "120", "start");
		return this;
	}

	/** A fast stop: the sessions are ended, the server writes a checkpoint and exits. */
	public void stop() throws IOException {
		run(bin().resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop");
	}

	/** The server's process id, from postmaster.pid. */
	public long pid() throws IOException {
		return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
	}

	/**
	 * SIGKILL to the server and every process of it, as a machine lost would leave it: no shutdown
	 * checkpoint, every client's connection cut.
	 */
	public void kill() throws IOException {
		ProcessHandle postmaster = ProcessHandle.of(pid()).orElseThrow(() -> new IllegalStateException("not running"));
		List<ProcessHandle> children = postmaster.descendants().toList();
		postmaster.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		postmaster.onExit().join();
	}

	/** Promotes a standby to a primary (pg_ctl promote, waiting until it takes writes). */
	public void promote() throws IOException {
		run(bin().resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "120", "promote");
	}

	/** Stops the server if it runs, without waiting for anyone: for a test's clean-up. */
	public void discard() {
		try {
			if (Files.exists(data().resolve("postmaster.pid"))) {
				run(bin().resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
			}
		}
		catch (IOException | RuntimeException e) {
			// a server already gone, or killed by the test
		}
	}

	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
	}

	/** Waits until the server accepts connections and is out of recovery (a restored or promoted one). */
	public void awaitPrimary(Duration atMost) throws InterruptedException {
		Instant until = Instant.now().plus(atMost);
		while (true) {
			try (Connection connection = connect("postgres");
					var rs = connection.createStatement().executeQuery("select pg_is_in_recovery()")) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return;
				}
			}
			catch (SQLException notYet) {
				// starting, or still replaying
			}
			if (Instant.now().isAfter(until)) {
				throw new IllegalStateException("not a primary after " + atMost + ": " + log());
			}
			Thread.sleep(200);
		}
	}

	public String log() {
		try {
			return Files.readString(directory.resolve("server.log"));
		}
		catch (IOException e) {
			return "(no log)";
		}
	}

	/**
	 * Runs a command as the server's user (when the test runs as root), fails with its output if it
	 * fails; its output.
	 */
	public static String run(String... command) throws IOException {
		List<String> line = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output;
		try {
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(300, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("timed out: " + line);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(line + " failed (" + process.exitValue() + "):\n" + output);
		}
		return output;
	}

	/** Gives a directory and what is in it to the server's user (when the tests run as root). */
	public static void giveToServerUser(Path path) throws IOException {
		if (!"root".equals(System.getProperty("user.name"))) {
			return;
		}
		try {
			Process chown = new ProcessBuilder("chown", "-R", "postgres:postgres", path.toString()).inheritIO().start();
			if (chown.waitFor() != 0) {
				throw new IOException("chown of " + path + " failed");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Deletes a workspace and everything in it. */
	public static void delete(Path directory) {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// left in /tmp
		}
	}
}
