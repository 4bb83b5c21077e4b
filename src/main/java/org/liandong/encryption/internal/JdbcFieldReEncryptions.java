package org.liandong.encryption.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.liandong.encryption.FieldReEncryptions;
import org.liandong.encryption.FieldsReEncrypted;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Re-encryption runs on the {@code field_re_encryption} table (issue 19): one is asked for by
 * inserting its row, scheduling its task and recording the start in the audit trail, in one
 * transaction.
 */
@Service
class JdbcFieldReEncryptions implements FieldReEncryptions {

	/** The failures a run's view names; the count says how many there are in all. */
	private static final int FAILURES_SHOWN = 200;

	private final JdbcClient jdbc;
	private final SchedulerClient scheduler;
	private final OneTimeTask<Void> task;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcFieldReEncryptions(JdbcClient jdbc, SchedulerClient scheduler,
			@Qualifier("fieldReEncryption") OneTimeTask<Void> task, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.task = task;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Run start(String requestedBy) {
		jdbc.sql("select id from field_re_encryption where state in (?, ?) order by id limit 1")
			.params(State.QUEUED.name(), State.RUNNING.name())
			.query(Long.class)
			.optional()
			.ifPresent(active -> {
				throw DomainException.conflict("re-encryption-running",
						"字段重加密任务 #%d 尚未结束，请待其完成后再发起".formatted(active));
			});
		KeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into field_re_encryption (state, requested_by, requested_at, active_slot) values (?, ?, ?, 1)")
				.params(State.QUEUED.name(), requestedBy, ChineseTime.utc(clock.instant()))
				.update(key, "id");
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
			// another start took the one active slot between the check above and this insert
			throw DomainException.conflict("re-encryption-running", "另一项字段重加密任务刚刚发起，请待其完成后再发起");
		}
		long id = key.getKeyAs(Long.class);
		scheduler.scheduleIfNotExists(task.schedulableInstance(Long.toString(id)));
		events.publishEvent(new FieldsReEncrypted(FieldsReEncrypted.STARTED, id,
				"发起字段重加密 #%d：以当前主密钥重写尚未使用当前主密钥的 SM4 加密字段".formatted(id), null));
		return find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Run find(long id) {
		return jdbc.sql("select * from field_re_encryption where id = ?")
			.param(id)
			.query((rs, n) -> run(rs, failures(id)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-re-encryption", "字段重加密任务 %d 不存在".formatted(id)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Run> recent(int limit) {
		return jdbc.sql("select * from field_re_encryption order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> run(rs, List.of()))
			.list();
	}

	private List<Failure> failures(long id) {
		return jdbc.sql("""
				select column_name, row_id, place from field_re_encryption_failure where run_id = ?
				order by column_name, row_id limit ?""")
			.params(id, FAILURES_SHOWN)
			.query((rs, n) -> new Failure(rs.getString("column_name"), rs.getLong("row_id"), rs.getString("place")))
			.list();
	}

	private static Run run(ResultSet rs, List<Failure> failures) throws SQLException {
		State state = State.valueOf(rs.getString("state"));
		long total = rs.getLong("values_total");
		long done = rs.getLong("values_done");
		int percent = state == State.DONE ? 100 : total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
		return new Run(rs.getLong("id"), state, rs.getString("requested_by"), instant(rs, "requested_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), total, done, rs.getLong("values_rewritten"),
				rs.getLong("values_failed"), percent, failures, rs.getString("problem"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
