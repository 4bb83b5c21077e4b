package org.liandong.sharing;

import org.liandong.platform.UploadTypes;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Information sharing (R6): the city bureau's report schedules and each bureau's submissions with
 * completeness and timeliness; experience and joint-enforcement posts; incident bulletins that
 * every bureau must acknowledge within a window, the missing ones escalated to the city bureau.
 * The liaison submits reports and acknowledges bulletins for a bureau.
 */
public interface Sharing {

	/** What an experience post may carry. */
	UploadTypes POST_ATTACHMENTS = UploadTypes.of(20 * 1024 * 1024, "pdf", "ofd", "doc", "docx", "xls", "xlsx", "jpg",
			"jpeg", "png", "zip");


	ReportSchedule defineSchedule(String title, Frequency frequency, Integer dueDay, String description,
			SignedInUser city);

	List<ReportSchedule> schedules(SignedInUser reader);

	/**
	 * Opens the current period's expected reports of every active schedule, as the sharing watch does
	 * every minute; idempotent. The demo year (issue 20) calls it as its clock passes each month.
	 *
	 * @return how many expected reports were opened
	 */
	int openCurrentPeriods();

	/** The reports the reader's bureau owes or owed (the city bureau: every bureau's), latest due first. */
	Page<ReportObligation> obligations(Long scheduleId, SignedInUser reader, Pageable pageable);

	/** Submits for a period (a second submission is a revision, kept) or, without an obligation, an ad hoc report. */
	Submission submit(Long obligationId, String title, String body, SignedInUser liaison);

	List<Submission> submissions(long obligationId, SignedInUser reader);

	Page<Submission> adHocReports(SignedInUser reader, Pageable pageable);

	/** Completeness and timeliness per bureau over the reports due so far, for one schedule or all. */
	List<Timeliness> timeliness(Long scheduleId, SignedInUser reader);

	Post post(String kind, String title, String body, String fileName, byte[] attachment, SignedInUser author);

	Page<Post> posts(SignedInUser reader, Pageable pageable);

	byte[] postAttachment(long postId, long attachmentId, SignedInUser reader);

	Bulletin sendBulletin(String title, String body, SignedInUser sender);

	Page<Bulletin> bulletins(SignedInUser reader, Pageable pageable);

	Bulletin bulletin(long id, SignedInUser reader);

	Bulletin acknowledge(long id, SignedInUser liaison);

	/** The sending bureau's leader signs off a bulletin that went first: its document is issued now (issue 23). */
	Bulletin signOffBulletin(long id, SignedInUser leader);

	/** The bulletins these bureaus have not acknowledged, newest first, at most five per bureau. */
	List<AwaitedBulletin> awaitingAcknowledgement(java.util.Collection<String> agencyCodes);
}
