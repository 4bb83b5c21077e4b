package org.liandong.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.ReportSchedule;
import org.liandong.sharing.SharingEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The city bureau's plans of periodic reports (R6.1): defining one, and opening each period's
 * expected reports of every bureau, at once for the current period and by {@link SharingWatch} for
 * the later ones. Runs in the transaction of the {@link SharingService} method that calls it.
 */
@Component
record ReportSchedules(Agencies agencies, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
		SharingRecords records) {

	ReportSchedule define(String title, Frequency frequency, Integer dueDay, String description, SignedInUser city) {
		AgencySummary agency = agencies.find(city.agencyCode()).orElseThrow();
		if (!agency.kind().isCityLevel() || !(city.hasRole("LEADER") || city.hasRole("DETACHMENT_OFFICER"))) {
			throw DomainException.forbidden("not-city", "只有市局领导和执法支队可以设定报送计划");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw DomainException.invalid("title-required", "请填写报送计划名称（不超过 200 字）");
		}
		if (frequency == null) {
			throw DomainException.invalid("frequency-required", "请选择报送周期");
		}
		if (dueDay == null || dueDay < 1 || dueDay > 31) {
			throw DomainException.invalid("invalid-due-day", "报送日应为 1 到 31 之间的日子；当月没有的日子（如 31 日）按当月最后一天计");
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into report_schedule (title, frequency, due_day, description, city_agency, active, created_at,
				    created_by_name)
				values (?, ?, ?, ?, ?, true, ?, ?)""")
			.params(title.trim(), frequency.name(), dueDay, description == null ? null : description.trim(),
					records.cityOf(agency), ChineseTime.utc(clock.instant()), city.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		ReportSchedule schedule = schedule(id);
		openPeriods(schedule, records.cityOf(agency));
		events.publishEvent(new SharingEvent("report-schedule", id, "SCHEDULE", "设定报送计划《%s》：%s".formatted(
				schedule.title(), schedule.rule())));
		return schedule;
	}

	/** Creates the current period's expected reports of a schedule for every bureau; idempotent. */
	int openPeriods(ReportSchedule schedule, String city) {
		YearMonth start = schedule.frequency().periodStart(LocalDate.now(clock.withZone(ChineseTime.ZONE)));
		String key = schedule.frequency().periodKey(start);
		Instant due = schedule.frequency().dueDate(start, schedule.dueDay()).plusDays(1).atStartOfDay(ChineseTime.ZONE)
			.toInstant();
		int created = 0;
		for (String bureau : records.bureaus(city)) {
			int inserted = jdbc.sql("""
					insert into report_obligation (schedule_id, period_key, agency, due_at, revisions) values (?, ?, ?, ?, 0)
					on conflict do nothing""")
				.params(schedule.id(), key, bureau, ChineseTime.utc(due))
				.update();
			// only the transaction that created the row opens the obligation, whichever instance scans
			if (inserted == 1) {
				long id = jdbc.sql("""
						select id from report_obligation where schedule_id = ? and period_key = ? and agency = ?""")
					.params(schedule.id(), key, bureau).query(Long.class).single();
				String name = SharingObligation.reportName(schedule.title(), key);
				events.publishEvent(SharingObligation.REPORT.due(id, name, bureau, due));
			}
			created += inserted;
		}
		return created;
	}

	List<ReportSchedule> schedules(SignedInUser reader) {
		return jdbc.sql("select * from report_schedule where city_agency = ? order by id")
			.param(records.cityOf(agencies.find(reader.agencyCode()).orElseThrow()))
			.query((rs, n) -> schedule(rs)).list();
	}

	List<ReportSchedule> activeSchedules() {
		return jdbc.sql("select * from report_schedule where active = true").query((rs, n) -> schedule(rs)).list();
	}

	String cityOfSchedule(long id) {
		return jdbc.sql("select city_agency from report_schedule where id = ?").param(id).query(String.class).single();
	}

	private ReportSchedule schedule(long id) {
		return jdbc.sql("select * from report_schedule where id = ?").param(id).query((rs, n) -> schedule(rs)).single();
	}

	private static ReportSchedule schedule(ResultSet rs) throws SQLException {
		return new ReportSchedule(rs.getLong("id"), rs.getString("title"), Frequency.valueOf(rs.getString("frequency")),
				rs.getInt("due_day"), rs.getString("description"), rs.getBoolean("active"));
	}
}
