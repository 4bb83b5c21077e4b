package org.liandong.credit;

import org.liandong.platform.SignedInUser;

/**
 * Credit checks (R4.3), each one recorded for the audit trail (R4.4): by unified social credit code
 * or by name, one at a time or a whole uploaded list screened in the background.
 */
public interface CreditChecks {

	/** A check by code (a wrong check character is refused saying so) or, when no code is given, by name. */
	CreditCheck check(String uscc, String name, SignedInUser reader);

	/** Starts screening an uploaded CSV or Excel file of subjects; its progress is read with {@link #screening}. */
	Screening screen(String fileName, byte[] content, SignedInUser reader);

	Screening screening(long id, SignedInUser reader);

	/** The result file of a finished screening (CSV, UTF-8 with BOM so that spreadsheet programs read it). */
	byte[] screeningResult(long id, SignedInUser reader);
}
