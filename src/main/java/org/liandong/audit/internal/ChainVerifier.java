package org.liandong.audit.internal;

import java.util.List;
import java.util.Optional;

import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.liandong.audit.AuditVerifications.Bound;
import org.liandong.audit.AuditVerifications.Window;
import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Verifies the chain against its checkpoints (issue 19), reading the records a stretch at a time so
 * that memory stays flat however long the chain. It starts after a checkpoint an earlier
 * verification confirmed, or at the start of the chain; checks the number and signature of every
 * later checkpoint; recomputes every record after the start; compares each checkpoint's hash with
 * the record it signed; and names a break by the checkpoints around it. Records and checkpoints
 * made after it read the head are left for the next verification.
 */
@Component
class ChainVerifier {

	/** Records read at once; progress is reported after each such stretch. */
	static final int STRETCH = 2000;

	/** What a verification reads: records {@code fromSeq}..{@code throughSeq}, after checkpoint {@code fromCheckpoint}. */
	record Scope(Long fromCheckpoint, long fromSeq, long throughSeq) {

		long total() {
			return Math.max(0, throughSeq - fromSeq + 1);
		}
	}

	/** Told how far a verification has come. */
	interface Progress {

		Progress NONE = new Progress() {
		};

		default void scoped(Scope scope) {
		}

		default void checked(long records) {
		}
	}

	/** What a break was found, where; {@code problem} names the window and the reason, in Chinese. */
	record Finding(Long brokenSeq, Long brokenCheckpoint, Window window, String problem) {
	}

	/** The result: intact when {@code finding} is null; {@code throughCheckpoint} the newest checkpoint found intact. */
	record Outcome(Scope scope, long recordsChecked, long checkpointsChecked, Long throughCheckpoint, Finding finding) {
	}

	private record Head(long firstSeq, String firstPrevHash, long lastSeq, String lastHash) {
	}

	/** The checkpoints a verification checks: numbered after {@code after} up to {@code newest}. */
	private record Numbers(long after, long newest) {
	}

	private final JdbcClient jdbc;
	private final AuditSigningKey key;

	ChainVerifier(JdbcClient jdbc, AuditSigningKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	/**
	 * @param since the number of a checkpoint an earlier verification found intact, to start after;
	 *        null for the whole chain
	 */
	Outcome verify(Long since, Progress progress) {
		// checkpoints first: each signed a head that existed then, so none lies beyond the head read next
		long newest = jdbc.sql("select coalesce(max(number), 0) from audit_checkpoint").query(Long.class).single();
		Head head = jdbc.sql("select first_seq, first_prev_hash, last_seq, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.single();
		Bound start = new Bound(null, head.firstSeq() - 1, null);
		Checkpoint base = since == null ? null : checkpoint(since).orElse(null);
		if (since != null) {
			String problem = base == null ? "第 %d 号检查点（此前的校验已确认）在数据库中不存在：检查点被删除".formatted(since)
					: key.problemWith(base);
			if (problem != null) {
				Finding finding = finding(new ChainWalk.Break(null, since, null, base, problem), start, head, newest);
				return new Outcome(new Scope(since, head.lastSeq() + 1, head.lastSeq()), 0, 0, null, finding);
			}
		}
		boolean afterBase = base != null && base.lastSeq() >= head.firstSeq() - 1;
		long fromSeq = afterBase ? base.lastSeq() + 1 : head.firstSeq();
		// the checkpoints to check are those after the base, up to the newest
		Numbers numbers = new Numbers(base == null ? 0 : base.number(), newest);
		ChainWalk walk = new ChainWalk(fromSeq, afterBase ? base.lastHash() : head.firstPrevHash(), base,
				numbers.after() + 1);
		long end = Math.max(head.lastSeq(), newest == 0 ? 0 : checkpoint(newest).map(Checkpoint::lastSeq).orElse(0L));
		Scope scope = new Scope(since, fromSeq, end);
		progress.scoped(scope);

		purged(walk, fromSeq, numbers);
		if (!walk.broken()) {
			// the one that signed the link before the first record read (the purge's anchor)
			checkpoints(fromSeq - 1, fromSeq - 1, numbers).forEach(c -> walk.checkpoint(c, key.problemWith(c)));
		}
		for (long from = fromSeq; from <= end && !walk.broken(); from += STRETCH) {
			stretch(walk, from, Math.min(end, from + STRETCH - 1), numbers);
			progress.checked(walk.recordsChecked());
		}
		walk.finish(end, head.lastSeq(), head.lastHash());
		Long through = walk.lastIntact() == null ? null : walk.lastIntact().number();
		return new Outcome(scope, walk.recordsChecked(), walk.checkpointsChecked(), through,
				walk.broken() ? finding(walk.breakFound(), start, head, newest) : null);
	}

	/** The checkpoints whose records the retention purge removed: number and signature only. */
	private void purged(ChainWalk walk, long fromSeq, Numbers numbers) {
		long after = numbers.after();
		while (!walk.broken()) {
			List<Checkpoint> batch = jdbc.sql("""
					select * from audit_checkpoint where number > ? and number <= ? and last_seq < ?
					order by number limit ?""")
				.params(after, numbers.newest(), fromSeq - 1, STRETCH)
				.query((rs, n) -> JdbcAuditCheckpoints.checkpoint(rs))
				.list();
			if (batch.isEmpty()) {
				return;
			}
			batch.forEach(c -> walk.signatureOnly(c, key.problemWith(c)));
			after = batch.get(batch.size() - 1).number();
		}
	}

	/** Records {@code from}..{@code to}, each followed by the checkpoints that signed it. */
	private void stretch(ChainWalk walk, long from, long to, Numbers numbers) {
		List<ChainWalk.Row> rows = jdbc.sql("select * from audit_record where seq >= ? and seq <= ? order by seq")
			.params(from, to)
			.query((rs, n) -> ChainWalk.Row.of(rs))
			.list();
		List<Checkpoint> signed = checkpoints(from, to, numbers);
		int next = 0;
		for (ChainWalk.Row row : rows) {
			walk.record(row);
			if (walk.broken()) {
				return;
			}
			while (next < signed.size() && signed.get(next).lastSeq() <= row.entry().seq()) {
				Checkpoint checkpoint = signed.get(next++);
				walk.checkpoint(checkpoint, key.problemWith(checkpoint));
			}
		}
	}

	/** The checkpoints to check that signed a record from {@code from} to {@code to}, by number. */
	private List<Checkpoint> checkpoints(long from, long to, Numbers numbers) {
		return jdbc.sql("""
				select * from audit_checkpoint where last_seq >= ? and last_seq <= ? and number > ? and number <= ?
				order by number""")
			.params(from, to, numbers.after(), numbers.newest())
			.query((rs, n) -> JdbcAuditCheckpoints.checkpoint(rs))
			.list();
	}

	private Optional<Checkpoint> checkpoint(long number) {
		return jdbc.sql("select * from audit_checkpoint where number = ?")
			.param(number)
			.query((rs, n) -> JdbcAuditCheckpoints.checkpoint(rs))
			.optional();
	}

	/**
	 * The window of a break: after the last checkpoint passed intact, up to the checkpoint where it
	 * was found or, for a record, the first checkpoint that signed it or a later one; without such a
	 * checkpoint, up to the unsigned end of the chain.
	 */
	private Finding finding(ChainWalk.Break found, Bound start, Head head, long newest) {
		Bound after = found.after() == null ? start : bound(found.after());
		Checkpoint closing = found.before() != null || found.brokenSeq() == null ? found.before()
				: jdbc.sql("select * from audit_checkpoint where last_seq >= ? and number <= ? order by number limit 1")
					.params(found.brokenSeq(), newest)
					.query((rs, n) -> JdbcAuditCheckpoints.checkpoint(rs))
					.optional()
					.orElse(null);
		Bound before = closing == null ? new Bound(null, head.lastSeq(), null) : bound(closing);
		String problem = "被改动的范围在%s之后、%s及以前：%s".formatted(describe(after, true), describe(before, false),
				found.reason());
		return new Finding(found.brokenSeq(), found.brokenCheckpoint(), new Window(after, before), problem);
	}

	private static Bound bound(Checkpoint checkpoint) {
		return new Bound(checkpoint.number(), checkpoint.lastSeq(), checkpoint.signedAt());
	}

	private static String describe(Bound bound, boolean start) {
		if (bound.checkpoint() != null) {
			return "第 %d 号检查点（第 %d 条记录，%s 签署）".formatted(bound.checkpoint(), bound.seq(),
					ChineseTime.formatPrecise(bound.signedAt()));
		}
		return start ? "链起点（第 %d 条记录之前）".formatted(bound.seq() + 1)
				: "链尾（第 %d 条记录，其后尚无检查点）".formatted(bound.seq());
	}
}
