package org.liandong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.liandong.audit.AuditVerifications;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Verifications on the {@code audit_verification} table (issue 19): one is asked for by inserting
 * its row and scheduling its run in the same transaction, so neither exists without the other.
 */
@Service
class JdbcAuditVerifications implements AuditVerifications {

	private final JdbcClient jdbc;
	private final SchedulerClient scheduler;
	private final OneTimeTask<Void> task;
	private final Clock clock;

	JdbcAuditVerifications(JdbcClient jdbc, SchedulerClient scheduler,
			@Qualifier("auditVerification") OneTimeTask<Void> task, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.task = task;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Verification start(boolean full, String requestedBy) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into audit_verification (full_run, state, requested_by, requested_at)
				values (?, ?, ?, ?)""")
			.params(full, State.QUEUED.name(), requestedBy, ChineseTime.utc(clock.instant()))
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		// due at once by the scheduler's own clock
		scheduler.scheduleIfNotExists(task.schedulableInstance(Long.toString(id)));
		return find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Verification find(long id) {
		return jdbc.sql("select * from audit_verification where id = ?")
			.param(id)
			.query((rs, n) -> verification(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-verification", "校验任务 %d 不存在".formatted(id)));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Verification> latest() {
		return jdbc.sql("select * from audit_verification order by id desc limit 1")
			.query((rs, n) -> verification(rs))
			.optional();
	}

	private static Verification verification(ResultSet rs) throws SQLException {
		State state = State.valueOf(rs.getString("state"));
		long total = rs.getLong("records_total");
		long checked = rs.getLong("records_checked");
		int percent = total == 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, checked * 100 / total);
		Window window = rs.getObject("after_seq") == null ? null
				: new Window(new Bound(number(rs, "after_checkpoint"), rs.getLong("after_seq"), instant(rs, "after_signed_at")),
						new Bound(number(rs, "before_checkpoint"), rs.getLong("before_seq"), instant(rs, "before_signed_at")));
		return new Verification(rs.getLong("id"), rs.getBoolean("full_run"), state, rs.getString("requested_by"),
				instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				number(rs, "from_checkpoint"), number(rs, "from_seq"), number(rs, "through_seq"),
				number(rs, "through_checkpoint"), total, checked, percent, rs.getLong("checkpoints_checked"),
				(Boolean) rs.getObject("intact"), number(rs, "first_broken_seq"), number(rs, "broken_checkpoint"), window,
				rs.getString("problem"));
	}

	private static Long number(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
