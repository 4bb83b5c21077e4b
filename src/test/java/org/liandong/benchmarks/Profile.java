package org.liandong.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of part of a benchmark (issue 18): the JVM's execution samples while
 * the work runs, with JFR's "profile" settings, summed by the method on top of the stack and by the
 * first of the application's own methods on it. The recording is kept in target/benchmarks for JDK
 * Mission Control.
 */
final class Profile {

	/** What the samples show: the most frequent frames, each with its share of the samples. */
	record Summary(long samples, List<Share> topFrames, List<Share> applicationFrames, Path recording) {

		String markdown(int rows) {
			StringBuilder md = new StringBuilder();
			md.append("| 栈顶方法（占全部 %,d 个样本） | 占比 |\n|---|---:|\n".formatted(samples));
			topFrames.stream().limit(rows).forEach(s -> md.append("| `%s` | %.1f%% |\n".formatted(s.frame(), s.percent())));
			md.append("\n| 栈上最近的本应用方法 | 占比 |\n|---|---:|\n");
			applicationFrames.stream()
				.limit(rows)
				.forEach(s -> md.append("| `%s` | %.1f%% |\n".formatted(s.frame(), s.percent())));
			return md.toString();
		}
	}

	record Share(String frame, long samples, double percent) {
	}

	/** The work's result and its profile. */
	record Profiled<T>(T result, Summary summary) {
	}

	private Profile() {
	}

	/**
	 * Starts and stops a recording once, to be called before a benchmark's warm-up: the first recording in a JVM
	 * retransforms the JDK's event classes, and HotSpot's first retransformation throws away all compiled code (its
	 * dependencies were not recorded until then). Found in the lifecycle run alone of 2026-12-07 16:13: at the
	 * module part's recording 1,178 methods were compiled again in one second and Bouncy Castle's SM2 arithmetic ran
	 * interpreted for the next 20 s: a third of the profile that was the recording's own.
	 */
	static void prepare() throws IOException {
		try (Recording recording = new Recording(settings())) {
			recording.setName("prepare");
			recording.start();
			recording.stop();
		}
	}

	static <T> Profiled<T> of(String name, Callable<T> work) throws Exception {
		Path file = Files.createDirectories(Path.of("target/benchmarks")).resolve(name + ".jfr");
		try (Recording recording = new Recording(settings())) {
			recording.setName(name);
			recording.start();
			T result = work.call();
			recording.stop();
			recording.dump(file);
			return new Profiled<>(result, summarise(file));
		}
	}

	private static Configuration settings() throws IOException {
		try {
			return Configuration.getConfiguration("profile");
		}
		catch (ParseException e) {
			throw new IOException(e);
		}
	}

	private static Summary summarise(Path file) throws IOException {
		Map<String, Long> top = new HashMap<>();
		Map<String, Long> application = new HashMap<>();
		long samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			top.merge(name(frames.get(0)), 1L, Long::sum);
			frames.stream()
				.filter(f -> f.isJavaFrame() && f.getMethod().getType().getName().startsWith("org.liandong."))
				.findFirst()
				.ifPresent(f -> application.merge(name(f), 1L, Long::sum));
		}
		return new Summary(samples, shares(top, samples), shares(application, samples), file);
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static List<Share> shares(Map<String, Long> counts, long samples) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.map(e -> new Share(e.getKey(), e.getValue(), samples == 0 ? 0 : 100.0 * e.getValue() / samples))
			.toList();
	}
}
