package org.liandong.meetings.internal;

import static org.liandong.meetings.internal.MeetingRecords.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.liandong.meetings.MeetingEvent;
import org.liandong.meetings.WorkNorm;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The work norms of the joint meeting mechanism (R5.4): the office keeps them, each change a new
 * version with its note, every version kept. Runs in the transaction of the {@link MeetingService}
 * method that calls it.
 */
@Component
record WorkNorms(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MeetingRecords records) {

	List<WorkNorm> norms(SignedInUser reader) {
		return jdbc.sql("select id from work_norm where office_agency = ? order by id")
			.param(records.officeOf(reader.agencyCode()))
			.query(Long.class).list().stream().map(id -> norm(id, reader)).toList();
	}

	WorkNorm norm(long id, SignedInUser reader) {
		return jdbc.sql("select * from work_norm where id = ?").param(id)
			.query((rs, n) -> {
				int current = rs.getInt("current_version");
				List<WorkNorm.Version> versions = jdbc.sql("""
						select version_no, changed_at, changed_by_name, note from work_norm_version where norm_id = ?
						order by version_no""").param(id)
					.query((v, m) -> new WorkNorm.Version(v.getInt("version_no"), instant(v, "changed_at"),
							v.getString("changed_by_name"), v.getString("note")))
					.list();
				String body = jdbc.sql("select body from work_norm_version where norm_id = ? and version_no = ?")
					.params(id, current).query(String.class).single();
				return new WorkNorm(id, rs.getString("title"), current, body, versions);
			})
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-norm", "工作规范 %d 不存在".formatted(id)));
	}

	/** A new norm (version 1), or a new version of one. */
	WorkNorm keep(Long id, String title, String body, String note, SignedInUser office) {
		records.requireOffice(office);
		if (body == null || body.isBlank()) {
			throw DomainException.invalid("norm-body-required", "请填写规范正文");
		}
		Instant now = clock.instant();
		long normId;
		int version;
		if (id == null) {
			if (title == null || title.isBlank()) {
				throw DomainException.invalid("norm-title-required", "请填写规范名称");
			}
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("insert into work_norm (title, office_agency, current_version, created_at) values (?, ?, 1, ?)")
				.params(title.trim(), office.agencyCode(), ChineseTime.utc(now)).update(key, "id");
			normId = key.getKeyAs(Long.class);
			version = 1;
		}
		else {
			WorkNorm existing = norm(id, office);
			normId = id;
			version = existing.currentVersion() + 1;
			jdbc.sql("update work_norm set current_version = ? where id = ? and current_version = ?")
				.params(version, id, existing.currentVersion()).update();
		}
		jdbc.sql("""
				insert into work_norm_version (norm_id, version_no, body, note, changed_at, changed_by_name)
				values (?, ?, ?, ?, ?, ?)""")
			.params(normId, version, body.trim(), note == null || note.isBlank() ? null : note.trim(), ChineseTime.utc(now),
					office.describe())
			.update();
		events.publishEvent(new MeetingEvent("work-norm", normId, "NORM_KEPT", "工作规范第 %d 版%s".formatted(version,
				note == null || note.isBlank() ? "" : "：" + note.trim())));
		return norm(normId, office);
	}
}
