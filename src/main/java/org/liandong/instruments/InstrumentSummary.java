package org.liandong.instruments;

import java.time.LocalDate;

/** One line of the list of agreements and memoranda, with how many parties have signed. */
public record InstrumentSummary(long id, InstrumentKind kind, String title, InstrumentState state,
		LocalDate effectiveFrom, LocalDate effectiveUntil, int partiesSigned, int partiesTotal) {
}
