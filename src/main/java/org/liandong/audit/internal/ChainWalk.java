package org.liandong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.liandong.audit.AuditTrail.AuditEntry;

/**
 * One pass over the chain in order of seq: fed record by record and, once the record a checkpoint
 * signed has been read, that checkpoint. It remembers the first place where the chain does not
 * hold, the last checkpoint it passed intact, and how many records it read. It knows nothing of
 * where the records come from.
 */
final class ChainWalk {

	/** A record as stored, with the predecessor's hash it carries. */
	record Row(AuditEntry entry, String prevHash) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(JdbcAuditTrail.entry(rs), rs.getString("prev_hash"));
		}
	}

	/**
	 * Where the chain first does not hold: at a record ({@code brokenSeq}) or at a checkpoint
	 * ({@code brokenCheckpoint}, with {@code before} the checkpoint found there), after the last
	 * checkpoint passed intact ({@code after}, null before the first).
	 */
	record Break(Long brokenSeq, Long brokenCheckpoint, Checkpoint after, Checkpoint before, String reason) {
	}

	private final long firstSeq;
	private long expectedSeq;
	private String previousHash;
	private long expectedNumber;
	private Checkpoint lastIntact;
	private long checkpointsChecked;
	private Break broken;

	/**
	 * @param firstSeq the first record to read, whose predecessor's hash is {@code previousHash}
	 * @param base the checkpoint the walk starts after, already trusted (null: none)
	 * @param firstNumber the number the next checkpoint must have
	 */
	ChainWalk(long firstSeq, String previousHash, Checkpoint base, long firstNumber) {
		this.firstSeq = firstSeq;
		this.expectedSeq = firstSeq;
		this.previousHash = previousHash;
		this.lastIntact = base;
		this.expectedNumber = firstNumber;
	}

	void record(Row row) {
		if (broken != null) {
			return;
		}
		AuditEntry entry = row.entry();
		long seq = entry.seq();
		if (seq != expectedSeq) {
			fail(expectedSeq, "第 %d 条审计记录缺失（下一条现存记录为第 %d 条）：记录在数据库中被删除".formatted(expectedSeq, seq));
			return;
		}
		if (!previousHash.equals(row.prevHash())) {
			fail(seq, "第 %d 条审计记录所载前序哈希与第 %d 条记录不符：前一条记录被改写或本条前序哈希被改动".formatted(seq, seq - 1));
			return;
		}
		String recomputed = AuditChain.link(seq, entry.occurredAt(), entry.actor(), entry.actorAgency(), entry.action(),
				entry.objectType(), entry.objectId(), entry.detail(), entry.clientAddress(), row.prevHash());
		if (!recomputed.equals(entry.hash())) {
			fail(seq, "第 %d 条审计记录的内容与其哈希不符：该记录在数据库中被修改".formatted(seq));
			return;
		}
		previousHash = entry.hash();
		expectedSeq++;
	}

	/**
	 * A checkpoint, read after the record it signed (or, for the link before the first record read,
	 * before any); {@code signatureProblem} is what the key found wrong with it, or null.
	 */
	void checkpoint(Checkpoint checkpoint, String signatureProblem) {
		if (!numberedAndSigned(checkpoint, signatureProblem)) {
			return;
		}
		if (!previousHash.equals(checkpoint.lastHash())) {
			broken = new Break(null, checkpoint.number(), lastIntact, checkpoint,
					"第 %d 条审计记录的哈希与第 %d 号检查点所签的不符：此前的记录被改写，其后的哈希也被重新计算"
						.formatted(checkpoint.lastSeq(), checkpoint.number()));
			return;
		}
		passed(checkpoint);
	}

	/** A checkpoint whose records the retention purge removed: its number and signature are all there is to check. */
	void signatureOnly(Checkpoint checkpoint, String signatureProblem) {
		if (numberedAndSigned(checkpoint, signatureProblem)) {
			passed(checkpoint);
		}
	}

	/**
	 * After the last record: the walk must have reached {@code end} (the head, or the newest checkpoint
	 * if that lies beyond it), and the head must name the last record's hash.
	 */
	void finish(long end, long headSeq, String headHash) {
		if (broken != null) {
			return;
		}
		if (expectedSeq - 1 != end) {
			fail(expectedSeq, "第 %d 条至第 %d 条审计记录缺失：链尾记录被删除".formatted(expectedSeq, end));
		}
		else if (headSeq != end) {
			fail(headSeq + 1, "链头记为第 %d 条，而检查点已签署到第 %d 条：链头被改回".formatted(headSeq, end));
		}
		else if (!previousHash.equals(headHash)) {
			fail(headSeq, "链头哈希与第 %d 条审计记录不符：最后一条记录被改写".formatted(headSeq));
		}
	}

	boolean broken() {
		return broken != null;
	}

	Break breakFound() {
		return broken;
	}

	long recordsChecked() {
		return expectedSeq - firstSeq;
	}

	long checkpointsChecked() {
		return checkpointsChecked;
	}

	/** The newest checkpoint the walk passed intact (the base if none since), or null. */
	Checkpoint lastIntact() {
		return lastIntact;
	}

	private boolean numberedAndSigned(Checkpoint checkpoint, String signatureProblem) {
		if (broken != null) {
			return false;
		}
		if (checkpoint.number() != expectedNumber) {
			broken = new Break(null, expectedNumber, lastIntact, checkpoint,
					"第 %d 号检查点缺失（下一个现存的为第 %d 号）：检查点在数据库中被删除".formatted(expectedNumber, checkpoint.number()));
			return false;
		}
		if (signatureProblem != null) {
			broken = new Break(null, checkpoint.number(), lastIntact, checkpoint, signatureProblem);
			return false;
		}
		return true;
	}

	private void passed(Checkpoint checkpoint) {
		lastIntact = checkpoint;
		checkpointsChecked++;
		expectedNumber++;
	}

	private void fail(long seq, String why) {
		broken = new Break(seq, null, lastIntact, null, why);
	}
}
