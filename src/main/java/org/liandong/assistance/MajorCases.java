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

	MajorReportView designate(long id, @Valid NewDesignation designation, SignedInUser legalOfficer);

	MajorReportView decline(long id, String reason, Long version, SignedInUser legalOfficer);

	/** A designated agency reports how it carried out its task. */
	MajorReportView reportTask(long id, String report, SignedInUser actor);
}
