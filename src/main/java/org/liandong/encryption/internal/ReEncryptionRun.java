package org.liandong.encryption.internal;

import java.time.Clock;
import java.util.List;

import org.liandong.encryption.FieldReEncryptions.State;
import org.liandong.encryption.FieldsReEncrypted;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.EncryptedColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one re-encryption (issue 19) over every sealed column the modules declare
 * ({@link EncryptedColumn}), column after column in short batches ({@link ColumnRewrite}), and
 * writes its end with the counts, the end also in the audit trail. Run again after its instance
 * died, it starts over.
 */
@Component
class ReEncryptionRun {

	private static final Logger log = LoggerFactory.getLogger(ReEncryptionRun.class);

	private final JdbcClient jdbc;
	private final List<EncryptedColumn> columns;
	private final ColumnRewrite rewrite;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReEncryptionRun(JdbcClient jdbc, List<EncryptedColumn> columns, ColumnRewrite rewrite,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.columns = columns;
		this.rewrite = rewrite;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	void run(long id) {
		if (!claim(id)) {
			return;
		}
		try {
			for (EncryptedColumn column : columns) {
				rewrite.walk(id, column);
			}
			finish(id, State.DONE, null);
		}
		catch (RuntimeException e) {
			log.error("Field re-encryption {} could not finish", id, e);
			finish(id, State.FAILED, "重加密因系统错误未能完成，已重写的字段保持有效，请重新发起");
		}
	}

	/** Takes the run, queued or left running by an instance that died, and counts its values anew. */
	private boolean claim(long id) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			int claimed = jdbc.sql("""
					update field_re_encryption set state = ?, started_at = ?, values_total = ?, values_done = 0,
					    values_rewritten = 0, values_failed = 0
					where id = ? and state in (?, ?)""")
				.params(State.RUNNING.name(), ChineseTime.utc(clock.instant()), total(), id, State.QUEUED.name(),
						State.RUNNING.name())
				.update();
			jdbc.sql("delete from field_re_encryption_failure where run_id = ?").param(id).update();
			return claimed == 1;
		}));
	}

	private long total() {
		return columns.stream()
			.mapToLong(c -> jdbc.sql("select count(*) from %s where %s is not null".formatted(c.table(), c.column()))
				.query(Long.class)
				.single())
			.sum();
	}

	private record Counts(long total, long done, long rewritten, long failed) {
	}

	private void finish(long id, State state, String problem) {
		transactions.executeWithoutResult(status -> {
			// values added while it ran were walked too: at the end the total is what was looked at
			jdbc.sql("""
					update field_re_encryption set state = ?, finished_at = ?, problem = ?, active_slot = null,
					    values_total = case when values_done > values_total then values_done else values_total end
					where id = ?""")
				.params(state.name(), ChineseTime.utc(clock.instant()), problem, id)
				.update();
			Counts counts = jdbc.sql("""
					select values_total, values_done, values_rewritten, values_failed from field_re_encryption where id = ?""")
				.param(id)
				.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
				.single();
			String detail = state == State.DONE
					? "字段重加密 #%d 完成：共 %d 个加密值，以当前主密钥重写 %d 个，无法解密 %d 个"
						.formatted(id, counts.done(), counts.rewritten(), counts.failed())
					: "字段重加密 #%d 未能完成：已查看 %d 个加密值，重写 %d 个，无法解密 %d 个"
						.formatted(id, counts.done(), counts.rewritten(), counts.failed());
			events.publishEvent(new FieldsReEncrypted(FieldsReEncrypted.FINISHED, id, detail, "system"));
		});
	}
}
