package org.liandong.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Codes the sources write as literals (an audit action, a kind of inbox message) and the Chinese
 * names messages.properties gives them: what the tests of the pages' names compare (issues 11, 21, 23).
 */
public final class SourceLiterals {

	private SourceLiterals() {
	}

	/** The first group of every match of the patterns in the application's sources. */
	public static Set<String> found(Pattern... patterns) {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				for (Pattern pattern : patterns) {
					Matcher m = pattern.matcher(text);
					while (m.find()) {
						codes.add(m.group(1));
					}
				}
			}
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		return codes;
	}

	/** The application's messages.properties, read as UTF-8 as Spring reads it. */
	public static Properties names() {
		Properties names = new Properties();
		try (InputStream in = SourceLiterals.class.getResourceAsStream("/messages.properties");
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			names.load(reader);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		return names;
	}
}
