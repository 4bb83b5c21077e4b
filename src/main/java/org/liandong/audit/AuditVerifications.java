package org.liandong.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Verifications of the audit chain against its signed checkpoints (X1, issue 19), run in the
 * background by one instance with their progress stored: each checkpoint's signature is checked
 * under the configured public key, the chain is recomputed between checkpoints, and a break is
 * named by the stretch between two checkpoints it lies in. A verification starts after the newest
 * checkpoint an earlier one found intact, unless a full run is asked for.
 */
public interface AuditVerifications {

	/** Queues a verification; it starts within the scheduler's polling interval on some instance. */
	Verification start(boolean full, String requestedBy);

	/** The verification with its progress or result; refused (404) if there is none such. */
	Verification find(long id);

	/** The most recently requested verification, if any. */
	Optional<Verification> latest();

	/**
	 * A verification. {@code fromCheckpoint} is the confirmed checkpoint it started after (null: the
	 * start of the chain), {@code fromSeq}..{@code throughSeq} the records it reads, of which
	 * {@code recordsChecked} so far; {@code throughCheckpoint} the newest checkpoint found intact.
	 * When {@code intact} is false, {@code window} bounds the altered stretch and {@code problem}
	 * says in Chinese what was found where.
	 */
	record Verification(long id, boolean full, State state, String requestedBy, Instant requestedAt, Instant startedAt,
			Instant finishedAt, Long fromCheckpoint, Long fromSeq, Long throughSeq, Long throughCheckpoint,
			long recordsTotal, long recordsChecked, int percent, long checkpointsChecked, Boolean intact,
			Long firstBrokenSeq, Long brokenCheckpoint, Window window, String problem) {
	}

	enum State {
		/** waiting for an instance to take it */
		QUEUED,
		RUNNING,
		/** finished, intact or not */
		DONE,
		/** could not finish (see problem) */
		FAILED
	}

	/**
	 * The altered stretch: the records after {@code after} up to and including {@code before}.
	 */
	record Window(Bound after, Bound before) {
	}

	/**
	 * One end of a window: a checkpoint with the record it signed and when; a null checkpoint is the
	 * start of the chain (its first kept record less one) or the unsigned end (the head).
	 */
	record Bound(Long checkpoint, long seq, Instant signedAt) {
	}
}
