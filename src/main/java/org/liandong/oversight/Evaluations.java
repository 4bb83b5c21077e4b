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

	/**
	 * Issues the year's official report (once; city bureau; only after the year ended) and returns the
	 * evaluation. Where the city's report needs its leader's sign-off (issue 23), the detachment's issuing
	 * submits it and a leader's issuing is the sign-off: numbered and sealed by that act, naming the 签发人.
	 */
	Evaluation issueReport(int year, SignedInUser issuer);

	/** A leader of the city bureau sends the submitted report back with comments; nothing is issued. */
	Evaluation sendBackReport(int year, String comments, SignedInUser leader);
}
