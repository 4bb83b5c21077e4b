package org.liandong.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;

/**
 * The page on which a form handler's refusals are shown (issue 25): when a business rule refuses the
 * posted action, {@link PageProblemAdvice} returns the person to this page with the rule's Chinese
 * message, so no handler catches refusals itself. A refusal because the record is not there, or is
 * another bureau's (X2), is never shown on a form: it is the 404 page, exactly as on the API.
 * Used by the other modules' pages, hence in this package's named interface (with {@link FileDownload}).
 */
@NamedInterface("web")
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusalShownOn {

	/**
	 * The page's path, with variables in braces, e.g. {@code /credit/entries/{id}}: each is the
	 * handler's path variable of that name, else the posted field of that name (e.g.
	 * {@code /cases/{caseId}} for a form that posts its case's id), else empty; a query may follow,
	 * e.g. {@code /oversight/evaluations?year={year}}.
	 */
	String value();
}
