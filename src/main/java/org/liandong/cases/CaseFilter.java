package org.liandong.cases;

import java.time.LocalDate;

/**
 * Filters of the case list; null fields do not filter. {@code party} matches the party name
 * (part of it) or the USCC (whole); the period is of registration, both ends included.
 */
public record CaseFilter(CaseStatus status, Severity severity, String violationType, String agencyCode,
		LocalDate from, LocalDate to, String party) {

	public static CaseFilter none() {
		return new CaseFilter(null, null, null, null, null, null, null);
	}
}
