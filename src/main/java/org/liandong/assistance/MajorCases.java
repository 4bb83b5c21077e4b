package org.liandong.assistance;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * Major cases (R2.5): a bureau reports a case as major to its city bureau; the city legal office
 * works through the queue and designates the lead, assisting or joint agencies with a formal
 * notice, or declines. The designated agencies get the case and a task with a deadline.
 */
public interface MajorCases {

	MajorReportView report(long caseId, @Valid NewMajorReport report, SignedInUser reporter);

	/** The city's reports for the city bureau and its offices; a bureau's own reports for a bureau. */
	Page<MajorReportSummary> queue(MajorReportState state, SignedInUser reader, Pageable pageable);

	MajorReportView find(long id, SignedInUser reader);

	/** Whether the user decides this report: a legal officer of its city's legal office. */
	boolean decides(MajorReportView report, SignedInUser user);

	/** Whether a designation of the report would wait for the city's leader to sign its notice off (issue 23). */
	boolean needsSignOff(MajorReportView report);

	/** Whether the user signs off the city's designation notices: a leader of the city bureau (issue 23). */
	boolean signsOff(MajorReportView report, SignedInUser user);

	/**
	 * Designates; where the city's designation notices need its leader's sign-off (issue 23), the
	 * designation waits for it ({@link MajorReportState#AWAITING_SIGN_OFF}) and nothing is issued yet.
	 */
	MajorReportView designate(long id, @Valid NewDesignation designation, SignedInUser legalOfficer);

	/** A leader of the city bureau signs the notice off: numbered, sealed and in force by this act. */
	MajorReportView signOff(long id, Long version, SignedInUser leader);

	/** A leader of the city bureau sends the designation back to the legal office with comments. */
	MajorReportView sendBack(long id, String comments, Long version, SignedInUser leader);

	MajorReportView decline(long id, String reason, Long version, SignedInUser legalOfficer);

	/** A designated agency reports how it carried out its task. */
	MajorReportView reportTask(long id, String report, SignedInUser actor);
}
