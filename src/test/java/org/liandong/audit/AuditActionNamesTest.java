package org.liandong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.support.SourceLiterals;

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
	void every_literal_audit_action_has_a_chinese_name() {
		Properties names = SourceLiterals.names();
		Set<String> actions = SourceLiterals.found(RETURNED, RECORDED);

		assertThat(actions).as("literal audit actions found").hasSizeGreaterThan(10);
		assertThat(actions).allSatisfy(action -> assertThat(names.getProperty("audit.action." + action))
			.as("Chinese name of %s", action).isNotBlank());
	}
}
