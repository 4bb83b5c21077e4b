package org.liandong.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.liandong.assistance.RequestAction;
import org.liandong.support.SourceLiterals;

/**
 * The inbox names every kind of message in Chinese (its badge; issue 11, 23): each kind the sources
 * deliver as a literal, and each move of an assistance request (delivered as ASSISTANCE_ and the move),
 * has its name in messages.properties.
 */
class InboxKindNamesTest {

	private static final Pattern DELIVERED = Pattern.compile("new InboxDelivery\\([^,]+, [^,]+, \"([A-Z][A-Z_]+)\"");

	@Test
	void every_kind_of_message_has_a_chinese_name() {
		Properties names = SourceLiterals.names();
		Set<String> kinds = new TreeSet<>(SourceLiterals.found(DELIVERED));
		for (RequestAction action : RequestAction.values()) {
			kinds.add("ASSISTANCE_" + action.name());
		}
		// the prefix those are built from, itself no kind
		kinds.remove("ASSISTANCE_");

		assertThat(kinds).as("kinds found").hasSizeGreaterThan(20);
		assertThat(kinds).allSatisfy(kind -> assertThat(names.getProperty("inbox.kind." + kind))
			.as("Chinese name of %s", kind).isNotBlank());
	}
}
