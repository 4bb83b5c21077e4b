package org.liandong.oversight.internal.ledger;

import java.time.Instant;
import java.util.List;

import org.liandong.oversight.Dashboard;

/**
 * What the ledger says of the past for a bureau or a city, as of an instant: each owner's obligations
 * due in the last 90 days by outcome, the last twelve months by outcome, the time taken per kind.
 */
record LedgerHistory(Instant asOf, List<Recent> recent, List<Dashboard.Month> months, List<Dashboard.Kind> kinds) {

	/** An owner's obligations due in the last 90 days (cancelled ones left out). */
	record Recent(String agency, long due, long onTime, long late, long missedOpen) {
	}
}
