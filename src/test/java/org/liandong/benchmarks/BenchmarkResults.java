package org.liandong.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one results file of a benchmark run (issue 10): {@code target/benchmarks/results.md} — the
 * machine (cores, memory, CPU model), the date, the commit, a summary line per benchmark and every
 * benchmark's full report — and the summary table of {@code docs/benchmarks/README.md} (between its
 * {@code results} markers). Each benchmark records its part when it ends; the file is written anew
 * from the parts each time, so it is whole after every benchmark of the run. A part left by an
 * earlier run (a benchmark run alone) keeps its own date and commit.
 */
final class BenchmarkResults {

	/** The benchmarks in the order of the report. */
	private static final List<String> ORDER = List.of("case-list", "assistance-lifecycle", "credit-check", "oversight",
			"pdf-rendering", "soak", "demo-start");

	private static final Path FOLDER = Path.of("target/benchmarks");

	private static final Path README = Path.of("docs/benchmarks/README.md");

	private static final String START = "<!-- results:start -->";

	private static final String END = "<!-- results:end -->";

	private static final Pattern HEADER = Pattern.compile("<!-- (.*?) \\| (.*?) \\| (.*?) -->\n");

	private BenchmarkResults() {
	}

	/** Keeps one benchmark's headline and report, then writes the results file and the README's table. */
	static synchronized void record(JdbcTemplate jdbc, String name, String headline, CharSequence report)
			throws IOException {
		Path parts = Files.createDirectories(FOLDER.resolve("parts"));
		String commit = BenchmarkEnvironment.commit();
		Files.writeString(parts.resolve(name + ".md"),
				"<!-- %s | %s | %s -->\n".formatted(Instant.now(), commit, headline.replace("|", "/")) + report);
		String machine = machine(jdbc);
		List<String[]> rows = new ArrayList<>();
		StringBuilder bodies = new StringBuilder();
		List<String> names = new ArrayList<>(ORDER);
		try (Stream<Path> files = Files.list(parts)) {
			files.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).filter(n -> !names.contains(n)).sorted()
				.forEach(names::add);
		}
		for (String part : names) {
			Path file = parts.resolve(part + ".md");
			if (!Files.exists(file)) {
				continue;
			}
			String text = Files.readString(file);
			Matcher header = HEADER.matcher(text);
			if (!header.lookingAt()) {
				continue;
			}
			rows.add(new String[] { part, header.group(3), header.group(1).substring(0, 19) + "Z", header.group(2) });
			bodies.append("\n---\n\n").append(text.substring(header.end()).replaceAll("(?m)^#", "##")).append('\n');
		}
		// a benchmark not run since this checkout keeps its row of the README's table, with its own date and commit
		Map<String, String> earlier = earlierRows();
		StringBuilder table = new StringBuilder("| benchmark | result | date (UTC) | commit |\n|---|---|---|---|\n");
		for (String part : names) {
			rows.stream().filter(r -> r[0].equals(part)).findFirst().ifPresentOrElse(
					r -> table.append("| [%s](%s.md) | %s | %s | %s |\n".formatted(r[0], r[0], r[1], r[2], r[3])),
					() -> Optional.ofNullable(earlier.get(part)).ifPresent(line -> table.append(line).append('\n')));
		}
		String summary = "- Machine: %s\n- Written: %s, commit %s\n\n%s".formatted(machine, Instant.now(), commit, table);
		Files.writeString(FOLDER.resolve("results.md"), "# Liandong benchmark results\n\n"
				+ "`./mvnw verify -Pbenchmark` (every benchmark, on the data of the province generator in the benchmarks' "
				+ "layout, PostgreSQL on loopback).\n\n" + summary + bodies);
		if (Files.exists(README)) {
			String readme = Files.readString(README);
			int start = readme.indexOf(START);
			int end = readme.indexOf(END);
			if (start >= 0 && end > start) {
				Files.writeString(README, readme.substring(0, start + START.length()) + "\n" + summary
						+ readme.substring(end));
			}
		}
	}

	/**
	 * The rows of the README's results table as they stand, by benchmark: between the markers only, since the
	 * README's other tables name the benchmarks in the same way.
	 */
	private static Map<String, String> earlierRows() throws IOException {
		Map<String, String> rows = new LinkedHashMap<>();
		if (Files.exists(README)) {
			String readme = Files.readString(README);
			int start = readme.indexOf(START);
			int end = readme.indexOf(END);
			String results = start >= 0 && end > start ? readme.substring(start, end) : "";
			Matcher row = Pattern.compile("(?m)^\\| \\[([\\w-]+)\\]\\(.*$").matcher(results);
			while (row.find()) {
				rows.put(row.group(1), row.group());
			}
		}
		return rows;
	}

	/** Host, cores, CPU model, memory, JVM and PostgreSQL with the settings that matter for the figures. */
	static String machine(JdbcTemplate jdbc) throws IOException {
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		String cpu = "?";
		Path info = Path.of("/proc/cpuinfo");
		if (Files.isReadable(info)) {
			cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
		}
		return "%s, %d cores (%s), %.1f GiB memory, JVM %s (max heap %d MiB), PostgreSQL %s on the same machine "
				.formatted(InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors(), cpu,
						memory / 1024.0 / 1024 / 1024, System.getProperty("java.version"),
						Runtime.getRuntime().maxMemory() / 1024 / 1024, BenchmarkEnvironment.setting(jdbc, "server_version"))
				+ "(shared_buffers %s, synchronous_commit %s, fsync %s)".formatted(
						BenchmarkEnvironment.setting(jdbc, "shared_buffers"),
						BenchmarkEnvironment.setting(jdbc, "synchronous_commit"), BenchmarkEnvironment.setting(jdbc, "fsync"));
	}
}
