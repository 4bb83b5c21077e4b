package org.liandong.oversight;

import org.liandong.platform.SignedInUser;

/**
 * The year-end evaluation (R8.2) of the bureaus of the reader's city: computed from the obligation
 * ledger, the inspections and the accountability records whenever asked, so it is always the
 * records' own result; weights are configuration ({@code liandong.evaluation.weights}).
 */
public interface Evaluations {

	Evaluation evaluate(int year, SignedInUser reader);

	/** The evaluation as an Excel workbook: the ranking, and every indicator's counts. */
	byte[] excel(int year, SignedInUser reader);

	/** Issues the year's official report (once; city bureau; only after the year ended) and returns the evaluation. */
	Evaluation issueReport(int year, SignedInUser issuer);
}
