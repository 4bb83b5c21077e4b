package org.liandong.credit;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a credit check (R4.3): the subject asked about, whether it is on the list, and
 * each entry in force with its decision and the measures of every signatory of the memoranda in
 * force. A check by name also lists the names on the list that contain the name asked for or are
 * similar to it (issue 21): a name that matches nothing exactly is not "not listed" while similar
 * names are on the list, and {@code finding} says in words what was and was not found.
 *
 * @param listed an entry in force has exactly this code, or exactly this name
 * @param similar entries in force with a name that is not the one asked for but contains it or is
 *        similar to it, most similar first (name checks only)
 * @param reviewNeeded nothing matched exactly but similar names are on the list: a person must look
 * @param finding what was and was not found, in the words the page shows
 */
public record CreditCheck(String subject, boolean listed, List<Entry> entries, List<Similar> similar,
		boolean reviewNeeded, String finding) {

	public record Entry(long id, String subjectUscc, String subjectName, String decisionNumber, Instant publishedUntil,
			List<Measure> measures) {
	}

	public record Measure(String agencyCode, String agencyName, String measure, String memorandumTitle) {
	}

	/** A name on the list like the one asked for; {@code similarity} as pg_trgm gives it, 0 to 1. */
	public record Similar(long id, String subjectUscc, String subjectName, String decisionNumber,
			Instant publishedUntil, double similarity) {
	}
}
