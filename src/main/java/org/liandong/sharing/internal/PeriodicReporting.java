package org.liandong.sharing.internal;

import static org.liandong.sharing.internal.SharingRecords.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.sharing.ReportObligation;
import org.liandong.sharing.SharingEvent;
import org.liandong.sharing.Submission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The bureaus' periodic and ad hoc reports (R6.1): the reports a bureau owes, the liaison's
 * submission (a second one for a period is a revision, kept), and the submissions a reader may see.
 * Runs in the transaction of the {@link SharingService} method that calls it.
 */
@Component
record PeriodicReporting(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
		SharingRecords records) {

	Page<ReportObligation> obligations(Long scheduleId, SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		Map<String, String> names = records.names();
		Instant now = clock.instant();
		return new PagedQuery("o.*, s.title", "report_obligation o join report_schedule s on s.id = o.schedule_id",
				Map.of("dueAt", "o.due_at", "agency", "o.agency"), "o.due_at desc, o.agency")
			.whereIf(!city, "o.agency = ?", reader.agencyCode())
			.where("o.schedule_id = ?", scheduleId)
			.fetch(jdbc, pageable, (rs, n) -> obligation(rs, names, now));
	}

	Submission submit(Long obligationId, String title, String body, SignedInUser liaison) {
		if (!liaison.hasRole("LIAISON")) {
			throw DomainException.forbidden("not-liaison", "报告由本单位信息联络员报送");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写报告标题（不超过 200 字）");
		}
		if (body == null || body.isBlank() || body.length() > 20000) {
			throw DomainException.invalid("body-required", "请填写报告内容（不超过 20000 字）");
		}
		Instant now = clock.instant();
		int revision = 1;
		if (obligationId != null) {
			ReportObligation owed = visible(obligationId, liaison, now);
			if (!owed.agencyCode().equals(liaison.agencyCode())) {
				throw DomainException.forbidden("not-owner", "只能报送本单位的报告");
			}
			// the row lock orders two submissions of one period, so revisions are numbered without gaps
			revision = jdbc.sql("select revisions from report_obligation where id = ? for update").param(obligationId)
				.query(Integer.class).single() + 1;
			jdbc.sql("""
					update report_obligation set revisions = ?, first_submitted_at = coalesce(first_submitted_at, ?)
					where id = ?""")
				.params(revision, ChineseTime.utc(now), obligationId).update();
			// the first submission meets the obligation; revisions after it do not reopen it
			if (revision == 1) {
				events.publishEvent(SharingObligation.REPORT.settled(obligationId, owed.agencyCode(), now, true));
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into report_submission (obligation_id, agency, title, body, revision, submitted_at, submitted_by,
				    submitted_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(obligationId, liaison.agencyCode(), title.trim(), body.trim(), revision, ChineseTime.utc(now),
					liaison.getUsername(), liaison.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		events.publishEvent(new SharingEvent("report", id, revision > 1 ? "REVISED" : "SUBMITTED",
				"%s报送《%s》%s".formatted(liaison.agencyName(), title.trim(), revision > 1 ? "（第 %d 次修订）".formatted(revision - 1) : "")));
		return new Submission(id, obligationId, liaison.agencyCode(), title.trim(), body.trim(), revision, now,
				liaison.describe());
	}

	List<Submission> submissions(long obligationId, SignedInUser reader) {
		visible(obligationId, reader, clock.instant());
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return jdbc.sql("select * from report_submission where obligation_id = ? and (? or agency = ?) order by revision")
			.params(obligationId, city, reader.agencyCode())
			.query((rs, n) -> submission(rs)).list();
	}

	/** A report period as its bureau and the city see it; to any other bureau it does not exist (X2). */
	private ReportObligation visible(long obligationId, SignedInUser reader, Instant now) {
		return jdbc.sql("select o.*, s.title from report_obligation o join report_schedule s on s.id = o.schedule_id where o.id = ?")
			.param(obligationId).query((rs, n) -> obligation(rs, records.names(), now)).optional()
			.filter(owed -> owed.agencyCode().equals(reader.agencyCode()) || agencies.isCityLevel(reader.agencyCode()))
			.orElseThrow(() -> DomainException.notFound("unknown-obligation", "报送任务 %d 不存在".formatted(obligationId)));
	}

	Page<Submission> adHocReports(SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		return new PagedQuery("r.*", "report_submission r", Map.of("submittedAt", "r.submitted_at"), "r.id desc")
			.whereIf(true, "r.obligation_id is null")
			.whereIf(!city, "r.agency = ?", reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> submission(rs));
	}

	private static ReportObligation obligation(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		Instant due = instant(rs, "due_at");
		Instant first = instant(rs, "first_submitted_at");
		String agency = rs.getString("agency");
		return new ReportObligation(rs.getLong("id"), rs.getLong("schedule_id"), rs.getString("title"),
				rs.getString("period_key"), agency, names.getOrDefault(agency, agency), due, first, rs.getInt("revisions"),
				first == null && due.isBefore(now));
	}

	private static Submission submission(ResultSet rs) throws SQLException {
		return new Submission(rs.getLong("id"), (Long) rs.getObject("obligation_id", Long.class), rs.getString("agency"),
				rs.getString("title"), rs.getString("body"), rs.getInt("revision"), instant(rs, "submitted_at"),
				rs.getString("submitted_by_name"));
	}
}
