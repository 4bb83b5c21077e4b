package org.liandong.credit.internal;

import java.time.Duration;

import org.liandong.credit.CreditCheck;
import org.liandong.credit.CreditChecks;
import org.liandong.platform.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * Credit checks (R4.3): one subject at a time, answered from the entries in force and the
 * measures of the memoranda in force, each check kept at once and chained into the audit trail
 * in batches (R4.4); whole lists screened in the background with their progress stored. Each use
 * case is a class of its own; like them, this facade opens no transaction.
 */
@Service
class CreditCheckService implements CreditChecks {

	private final CreditChecking checking;
	private final BulkScreening screenings;

	CreditCheckService(CreditChecking checking, BulkScreening screenings) {
		this.checking = checking;
		this.screenings = screenings;
	}

	@Override
	public CreditCheck check(String uscc, String name, SignedInUser reader) {
		return checking.check(uscc, name, reader);
	}

	@Override
	public org.liandong.credit.Screening screen(String fileName, byte[] content, SignedInUser reader) {
		return screenings.screen(fileName, content, reader);
	}

	@Override
	public org.liandong.credit.Screening screening(long id, SignedInUser reader) {
		return screenings.screening(id, reader);
	}

	@Override
	public byte[] screeningResult(long id, SignedInUser reader) {
		return screenings.screeningResult(id, reader);
	}

	/** Fails the screenings that stopped moving (see {@link BulkScreening#abandonStalled}). */
	int abandonStalled(Duration quiet) {
		return screenings.abandonStalled(quiet);
	}
}
