package org.liandong.sharing.internal;

import java.util.List;

import org.liandong.platform.SignedInUser;
import org.liandong.sharing.AwaitedBulletin;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.Post;
import org.liandong.sharing.ReportObligation;
import org.liandong.sharing.ReportSchedule;
import org.liandong.sharing.Sharing;
import org.liandong.sharing.Submission;
import org.liandong.sharing.Timeliness;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports, posts and bulletins (R6).
 * <p>
 * The module's facade and its transactions (issue 25): each use case is a class of its own
 * ({@link ReportSchedules}, {@link PeriodicReporting}, {@link ReportingCompleteness},
 * {@link ExperiencePosts}, {@link Bulletins}), running in the transaction begun here.
 */
@Service
@Transactional
class SharingService implements Sharing {

	private final ReportSchedules schedules;
	private final PeriodicReporting reporting;
	private final ReportingCompleteness completeness;
	private final ExperiencePosts posts;
	private final Bulletins bulletins;

	SharingService(ReportSchedules schedules, PeriodicReporting reporting, ReportingCompleteness completeness,
			ExperiencePosts posts, Bulletins bulletins) {
		this.schedules = schedules;
		this.reporting = reporting;
		this.completeness = completeness;
		this.posts = posts;
		this.bulletins = bulletins;
	}

	@Override
	public ReportSchedule defineSchedule(String title, Frequency frequency, Integer dueDay, String description,
			SignedInUser city) {
		return schedules.define(title, frequency, dueDay, description, city);
	}

	/** Creates the current period's expected reports of a schedule for every bureau; idempotent. */
	int openPeriods(ReportSchedule schedule, String city) {
		return schedules.openPeriods(schedule, city);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportSchedule> schedules(SignedInUser reader) {
		return schedules.schedules(reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ReportObligation> obligations(Long scheduleId, SignedInUser reader, Pageable pageable) {
		return reporting.obligations(scheduleId, reader, pageable);
	}

	@Override
	public Submission submit(Long obligationId, String title, String body, SignedInUser liaison) {
		return reporting.submit(obligationId, title, body, liaison);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Submission> submissions(long obligationId, SignedInUser reader) {
		return reporting.submissions(obligationId, reader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Submission> adHocReports(SignedInUser reader, Pageable pageable) {
		return reporting.adHocReports(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Timeliness> timeliness(Long scheduleId, SignedInUser reader) {
		return completeness.timeliness(scheduleId, reader);
	}

	@Override
	public Post post(String kind, String title, String body, String fileName, byte[] attachment, SignedInUser author) {
		return posts.post(kind, title, body, fileName, attachment, author);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Post> posts(SignedInUser reader, Pageable pageable) {
		return posts.posts(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] postAttachment(long postId, long attachmentId, SignedInUser reader) {
		return posts.attachment(postId, attachmentId, reader);
	}

	@Override
	public Bulletin sendBulletin(String title, String body, SignedInUser sender) {
		return bulletins.send(title, body, sender);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Bulletin> bulletins(SignedInUser reader, Pageable pageable) {
		return bulletins.bulletins(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public Bulletin bulletin(long id, SignedInUser reader) {
		return bulletins.bulletin(id, reader);
	}

	@Override
	public Bulletin acknowledge(long id, SignedInUser liaison) {
		return bulletins.acknowledge(id, liaison);
	}

	@Override
	public Bulletin signOffBulletin(long id, SignedInUser leader) {
		return bulletins.signOff(id, leader);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AwaitedBulletin> awaitingAcknowledgement(java.util.Collection<String> agencyCodes) {
		return bulletins.awaiting(agencyCodes);
	}

	@Override
	public int openCurrentPeriods() {
		int opened = 0;
		for (ReportSchedule schedule : schedules.activeSchedules()) {
			opened += schedules.openPeriods(schedule, schedules.cityOfSchedule(schedule.id()));
		}
		return opened;
	}

	List<ReportSchedule> activeSchedules() {
		return schedules.activeSchedules();
	}

	String cityOfSchedule(long id) {
		return schedules.cityOfSchedule(id);
	}
}
