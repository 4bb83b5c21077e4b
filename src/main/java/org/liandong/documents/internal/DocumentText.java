package org.liandong.documents.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.liandong.documents.DocumentKind;
import org.liandong.platform.DomainException;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The wording of each kind of document, from its text template (first line the title, then the
 * body), filled in when the document is issued. A missing required field is refused before
 * anything is numbered, so no document goes out with a gap in its text.
 */
@Component
class DocumentText {

	/** Title and body as issued; the body keeps its line breaks, one paragraph per line. */
	record Wording(String title, String body) {
	}

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	DocumentText() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/documents/text/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		templates.setTemplateResolver(resolver);
	}

	Wording write(DocumentKind kind, Map<String, String> fields) {
		for (String field : kind.requiredFields()) {
			String value = fields.get(field);
			if (value == null || value.isBlank()) {
				throw DomainException.invalid("document-field-missing",
						"生成《%s》缺少内容“%s”，请补全后再印发".formatted(kind.label(), field));
			}
		}
		Context context = new Context();
		fields.forEach((name, value) -> context.setVariable(name, value == null ? "" : value.strip()));
		String text = templates.process(kind.template(), context).strip();
		int end = text.indexOf('\n');
		String title = (end < 0 ? text : text.substring(0, end)).strip();
		String body = end < 0 ? "" : text.substring(end + 1).lines().map(String::strip)
			.filter(line -> !line.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
		return new Wording(title, body);
	}
}
