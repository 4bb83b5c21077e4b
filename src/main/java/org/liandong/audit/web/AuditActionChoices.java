package org.liandong.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The kinds of audit record by their Chinese names (audit.action.* in messages.properties), for the
 * audit page's filter, so that the auditor chooses 登录失败 rather than types LOGIN_FAILED (issue 11).
 */
@Component("auditActions")
class AuditActionChoices {

	private static final String PREFIX = "audit.action.";

	private final List<Choice> choices;

	AuditActionChoices() {
		try {
			Properties messages = PropertiesLoaderUtils
				.loadProperties(new EncodedResource(new ClassPathResource("messages.properties"), "UTF-8"));
			Collator chinese = Collator.getInstance(Locale.CHINA);
			this.choices = messages.stringPropertyNames()
				.stream()
				.filter(key -> key.startsWith(PREFIX))
				.map(key -> new Choice(key.substring(PREFIX.length()), messages.getProperty(key)))
				.sorted(Comparator.comparing(Choice::label, chinese))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every kind, in the order of their Chinese names. */
	public List<Choice> all() {
		return choices;
	}

	/** One kind of record: the code stored in the trail and its name on the page. */
	public record Choice(String code, String label) {
	}
}
