package org.liandong.assistance.internal;

import static org.liandong.assistance.internal.Words.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.MajorReportView.Designation;
import org.liandong.assistance.MajorReportView.Task;
import org.liandong.cases.ParticipantRole;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A major-case report as its readers see it (R2.5), shared by the use cases of the reports: the
 * report with its designation and tasks, read by the city bureau and its offices, the reporting
 * bureau and the designated agencies; who decides it; and the claim on a pending report, so that of
 * two legal officers deciding at once one wins.
 */
@Component
record MajorReportAccess(AgencyDirectory directory, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {

	MajorReportView find(long id, SignedInUser reader) {
		MajorReportView report = jdbc.sql("select * from major_report where id = ?")
			.param(id)
			.query((rs, n) -> report(rs))
			.optional()
			.orElseThrow(() -> notFound(id));
		boolean visible = directory.cityLevel(reader) || report.reportingAgencyCode().equals(reader.agencyCode())
				|| (report.designation() != null && report.designation().tasks().stream()
					.anyMatch(task -> task.agencyCode().equals(reader.agencyCode())));
		if (!visible) {
			throw notFound(id);
		}
		// the way to the leader's sign-off is the city's own business
		return directory.cityLevel(reader) ? report : report.withSignOff(null);
	}

	boolean decides(MajorReportView report, SignedInUser user) {
		// the legal office of the report's city; a county's legal officer or another city's does not
		return user.hasRole("LEGAL_OFFICER")
				&& directory.legalOfficesOf(directory.cityOf(report.reportingAgencyCode())).contains(user.agencyCode());
	}

	/** Whether the user signs off the city's designation notices: a leader of the city bureau (issue 23). */
	boolean signsOff(MajorReportView report, SignedInUser user) {
		return user.hasRole("LEADER") && user.agencyCode().equals(directory.cityOf(report.reportingAgencyCode()));
	}

	/** A designation waiting for the sign-off, for a leader of the city bureau, at the version they saw. */
	MajorReportView awaitingSignOff(long id, Long version, SignedInUser leader) {
		MajorReportView report = find(id, leader);
		if (!signsOff(report, leader)) {
			throw DomainException.forbidden("not-signatory", "只有市局领导可以签发指定管辖通知");
		}
		if (report.state() != MajorReportState.AWAITING_SIGN_OFF) {
			throw DomainException.conflict("not-awaiting-sign-off", "该报告不在待签发状态（%s）".formatted(report.state().label()));
		}
		if (version != null && version != report.version()) {
			throw DomainException.conflict("stale-report", "该报告已有变化，请刷新后再处理");
		}
		return report;
	}

	/** A pending report the legal officer may decide, at the version they saw. */
	MajorReportView pending(long id, Long version, SignedInUser legalOfficer) {
		MajorReportView report = find(id, legalOfficer);
		if (!decides(report, legalOfficer)) {
			throw DomainException.forbidden("not-legal-officer", "只有市局法制审核人员可以指定管辖");
		}
		if (report.state() != MajorReportState.PENDING) {
			throw DomainException.conflict("report-decided", "该报告已由 %s 处理（%s）".formatted(report.decidedByName(),
					report.state().label()));
		}
		if (version != null && version != report.version()) {
			throw DomainException.conflict("stale-report", "该报告已有变化，请刷新后再处理");
		}
		return report;
	}

	/**
	 * Takes the decision on the row, so that of two legal officers deciding at once one gets 409; the
	 * decision, either way, meets the city's obligation to designate (R7.1), unless the designation still
	 * waits for the leader's sign-off (issue 23): the city has designated only once the notice is issued.
	 */
	void claim(long id, Long version, MajorReportState state, String reason, SignedInUser officer, Instant now) {
		int claimed = jdbc.sql("""
				update major_report set state = ?, decline_reason = ?, decided_at = ?, decided_by_name = ?,
				    version = version + 1
				where id = ? and state = 'PENDING'""" + (version == null ? "" : " and version = " + version.longValue()))
			.params(state.name(), reason, ChineseTime.utc(now), officer.describe(), id)
			.update();
		if (claimed == 0) {
			throw DomainException.conflict("report-decided", "该报告刚刚已被他人处理，请刷新后查看");
		}
		if (state != MajorReportState.AWAITING_SIGN_OFF) {
			designated(id, now);
		}
	}

	/**
	 * The leader's act on a designation waiting for the sign-off (issue 23): signed off, it is in force;
	 * sent back, the report waits for the legal office again, with the leader's comments.
	 */
	void signOff(long id, Long version, boolean signed, String sentBackText, Instant now) {
		String cleared = signed ? "" : ", decided_at = null, decided_by_name = null";
		String atVersion = version == null ? "" : " and version = " + version.longValue();
		int moved = jdbc.sql("update major_report set state = ?, sent_back_text = coalesce(?, sent_back_text), "
				+ "version = version + 1" + cleared + " where id = ? and state = 'AWAITING_SIGN_OFF'" + atVersion)
			.params(signed ? MajorReportState.DESIGNATED.name() : MajorReportState.PENDING.name(), sentBackText, id)
			.update();
		if (moved == 0) {
			throw DomainException.conflict("report-decided", "该指定管辖刚刚已被他人处理，请刷新后查看");
		}
		if (signed) {
			designated(id, now);
		}
	}

	private void designated(long id, Instant now) {
		String city = jdbc.sql("select city_agency from major_report where id = ?").param(id).query(String.class).single();
		events.publishEvent(AssistanceObligations.designationSettled(id, city, now));
	}

	private MajorReportView report(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		String reporting = rs.getString("reporting_agency");
		return new MajorReportView(id, rs.getLong("case_id"), rs.getString("case_number"), reporting,
				directory.name(reporting), rs.getString("facts"), MajorReportState.valueOf(rs.getString("state")),
				rs.getString("decline_reason"), instant(rs, "reported_at"), rs.getString("reported_by_name"),
				instant(rs, "decided_at"), rs.getString("decided_by_name"), rs.getLong("version"), designation(id),
				rs.getString("sent_back_text") == null ? null
						: new MajorReportView.SignOff(null, null, null, rs.getString("sent_back_text")));
	}

	private Designation designation(long reportId) {
		Instant now = clock.instant();
		return jdbc.sql("select * from designation where report_id = ?")
			.param(reportId)
			.query((rs, n) -> new Designation(rs.getLong("id"), rs.getString("number"), rs.getLong("document_id"),
					rs.getString("instructions"), instant(rs, "designated_at"), rs.getString("designated_by_name"),
					rs.getString("signed_off_by_name"), instant(rs, "signed_off_at"), tasks(rs.getLong("id"), now)))
			.optional()
			.orElse(null);
	}

	private List<Task> tasks(long designationId, Instant now) {
		return jdbc.sql("select * from designation_party where designation_id = ? order by role desc, agency")
			.param(designationId)
			.query((rs, n) -> {
				Instant due = instant(rs, "due_at");
				Instant reported = instant(rs, "reported_at");
				return new Task(rs.getString("agency"), directory.name(rs.getString("agency")),
						ParticipantRole.valueOf(rs.getString("role")), rs.getString("task"), due, reported,
						rs.getString("report_text"), rs.getString("reported_by_name"),
						rs.getObject("overdue_at") != null || (reported == null && due.isBefore(now)));
			})
			.list();
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-major-report", "重大案件报告 %d 不存在".formatted(id));
	}
}
