package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * What a reader owes now (R7.1): the counts and the obligations due soonest, without the
 * dashboard's history, so the home page stays quick however long the ledger grows.
 *
 * @param agencyCode the bureau, or null for the whole city
 * @param own for a reader of the city bureau or one of its offices, what the city bureau itself owes
 *     (designations, listing decisions, signatures), apart from the city's figures; empty for a county
 *     bureau, whose {@code urgent} are its own
 */
public record OpenObligations(String agencyCode, String agencyName, Instant asOf, Dashboard.Totals totals,
		List<ObligationView> urgent, List<ObligationView> own) {
}
