package org.liandong.cases;

import java.time.Instant;

import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;

/**
 * The obligation to report a major case to the city bureau (R2.5 及时上报, R7.1): a case registered as
 * major, or changed to major, by a bureau below the city owes a report within a configurable number of
 * working days. The cases module opens it; the module that takes the report settles it with the same
 * names, so that oversight's ledger matches the two.
 */
public final class MajorCaseToReport {

	public static final String SUBJECT_TYPE = "case";

	public static final String OBLIGATION = "报告重大案件";

	private MajorCaseToReport() {
	}

	public static ObligationDue due(long caseId, String caseNumber, String hostAgencyCode, Instant dueAt) {
		return new ObligationDue(SUBJECT_TYPE, caseId, caseNumber, OBLIGATION, hostAgencyCode, dueAt, "/cases/" + caseId);
	}

	/** Met when the case is reported; no longer owed ({@code met = false}) when it is no longer major. */
	public static ObligationSettled settled(long caseId, String hostAgencyCode, Instant at, boolean met) {
		return new ObligationSettled(SUBJECT_TYPE, caseId, OBLIGATION, hostAgencyCode, at, met);
	}
}
