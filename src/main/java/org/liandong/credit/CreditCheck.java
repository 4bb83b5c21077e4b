package org.liandong.credit;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a credit check (R4.3): the subject asked about, whether it is on the list, and
 * each entry in force with its decision and the measures of every signatory of the memoranda in
 * force.
 */
public record CreditCheck(String subject, boolean listed, List<Entry> entries) {

	public record Entry(long id, String subjectUscc, String subjectName, String decisionNumber, Instant publishedUntil,
			List<Measure> measures) {
	}

	public record Measure(String agencyCode, String agencyName, String measure, String memorandumTitle) {
	}
}
