package org.liandong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit page names every action in Chinese (issue 21): each action code the sources write as a
 * literal (an {@code auditAction()} that returns one, an {@code audit.record("…")} or
 * {@code recordAs(…, "…")}) has its name in messages.properties. Codes built at run time from a
 * prefix (MEETING_, SHARING_, CREDIT_…) are not seen here.
 */
class AuditActionNamesTest {

	private static final Pattern RETURNED = Pattern.compile("auditAction\\(\\)\\s*\\{\\s*return \"([A-Z][A-Z_]+)\";");
	private static final Pattern RECORDED = Pattern.compile("\\.record\\(\"([A-Z][A-Z_]+)\",");

	@Test
	void every_literal_audit_action_has_a_chinese_name() throws IOException {
		Properties names = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties");
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			names.load(reader);
		}
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				for (Pattern pattern : new Pattern[] { RETURNED, RECORDED }) {
					Matcher m = pattern.matcher(text);
					while (m.find()) {
						actions.add(m.group(1));
					}
				}
			}
		}

		assertThat(actions).as("literal audit actions found").hasSizeGreaterThan(10);
		assertThat(actions).allSatisfy(action -> assertThat(names.getProperty("audit.action." + action))
			.as("Chinese name of %s", action).isNotBlank());
	}
}
