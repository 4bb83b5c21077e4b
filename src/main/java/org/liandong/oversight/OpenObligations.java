package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * What a reader owes now (R7.1): the counts and the obligations due soonest, without the
 * dashboard's history, so the home page stays quick however long the ledger grows.
 *
 * @param agencyCode the bureau, or null for the whole city
 */
public record OpenObligations(String agencyCode, String agencyName, Instant asOf, Dashboard.Totals totals,
		List<ObligationView> urgent) {
}
