package org.liandong.cases;

import java.time.Instant;

/** One line of the case list. */
public record CaseSummary(long id, String number, CaseStatus status, Severity severity, String partyName,
		String partyUscc, String violationType, String divisionCode, String hostAgencyCode, String hostAgencyName,
		Instant registeredAt) {
}
