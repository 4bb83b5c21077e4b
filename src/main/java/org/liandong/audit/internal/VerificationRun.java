package org.liandong.audit.internal;

import java.time.Clock;

import org.liandong.audit.AuditVerifications.Bound;
import org.liandong.audit.AuditVerifications.State;
import org.liandong.audit.internal.ChainVerifier.Finding;
import org.liandong.audit.internal.ChainVerifier.Outcome;
import org.liandong.audit.internal.ChainVerifier.Scope;
import org.liandong.platform.ChineseTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs one verification an audit administrator asked for (issue 19) and writes its progress after
 * every stretch of records and its result at the end, so that any instance can show them. An
 * incremental one starts after the newest checkpoint that an earlier verification found intact.
 * Run again after its instance died, it starts over.
 */
@Component
class VerificationRun {

	private static final Logger log = LoggerFactory.getLogger(VerificationRun.class);

	private final JdbcClient jdbc;
	private final ChainVerifier verifier;
	private final Clock clock;

	VerificationRun(JdbcClient jdbc, ChainVerifier verifier, Clock clock) {
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.clock = clock;
	}

	void run(long id) {
		int claimed = jdbc.sql("""
				update audit_verification set state = ?, started_at = ?, records_checked = 0
				where id = ? and state in (?, ?)""")
			.params(State.RUNNING.name(), ChineseTime.utc(clock.instant()), id, State.QUEUED.name(), State.RUNNING.name())
			.update();
		if (claimed == 0) {
			return;
		}
		try {
			boolean full = jdbc.sql("select full_run from audit_verification where id = ?").param(id)
				.query(Boolean.class).single();
			Outcome outcome = verifier.verify(full ? null : lastConfirmed(), new Progress(id));
			finish(id, outcome);
		}
		catch (RuntimeException e) {
			log.error("Audit verification {} could not finish", id, e);
			jdbc.sql("update audit_verification set state = ?, finished_at = ?, problem = ? where id = ?")
				.params(State.FAILED.name(), ChineseTime.utc(clock.instant()), "校验因系统错误未能完成，请重新发起", id)
				.update();
		}
	}

	/** The newest checkpoint an earlier verification found intact. */
	private Long lastConfirmed() {
		return jdbc.sql("""
				select through_checkpoint from audit_verification
				where intact = true and state = 'DONE' and through_checkpoint is not null
				order by id desc limit 1""")
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private void finish(long id, Outcome outcome) {
		Finding finding = outcome.finding();
		if (finding != null) {
			Bound after = finding.window().after();
			Bound before = finding.window().before();
			jdbc.sql("""
					update audit_verification set first_broken_seq = ?, broken_checkpoint = ?, problem = ?,
					    after_checkpoint = ?, after_seq = ?, after_signed_at = ?,
					    before_checkpoint = ?, before_seq = ?, before_signed_at = ?
					where id = ?""")
				.params(finding.brokenSeq(), finding.brokenCheckpoint(), finding.problem(), after.checkpoint(),
						after.seq(), ChineseTime.utc(after.signedAt()), before.checkpoint(), before.seq(),
						ChineseTime.utc(before.signedAt()), id)
				.update();
		}
		jdbc.sql("""
				update audit_verification set state = ?, finished_at = ?, records_checked = ?, checkpoints_checked = ?,
				    intact = ?, through_checkpoint = ?
				where id = ?""")
			.params(State.DONE.name(), ChineseTime.utc(clock.instant()), outcome.recordsChecked(),
					outcome.checkpointsChecked(), finding == null, finding == null ? outcome.throughCheckpoint() : null,
					id)
			.update();
	}

	/** Writes how far the verification has come. */
	private final class Progress implements ChainVerifier.Progress {

		private final long id;

		Progress(long id) {
			this.id = id;
		}

		@Override
		public void scoped(Scope scope) {
			jdbc.sql("""
					update audit_verification set from_checkpoint = ?, from_seq = ?, through_seq = ?, records_total = ?
					where id = ?""")
				.params(scope.fromCheckpoint(), scope.fromSeq(), scope.throughSeq(), scope.total(), id)
				.update();
		}

		@Override
		public void checked(long records) {
			jdbc.sql("update audit_verification set records_checked = ? where id = ?").params(records, id).update();
		}
	}
}
