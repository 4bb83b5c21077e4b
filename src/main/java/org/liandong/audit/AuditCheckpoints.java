package org.liandong.audit;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Signed checkpoints of the audit chain (X1, issue 19): the head of the chain, signed with SM2 by a
 * key held outside the database, every {@code liandong.audit.checkpoint-interval} and on demand,
 * stored and appended to {@code liandong.audit.checkpoint-file}. Whoever can write the tables can
 * recompute the SM3 chain, but not a signature: a verification finds a rewrite up to the newest
 * checkpoint.
 */
public interface AuditCheckpoints {

	/**
	 * Signs the head of the chain now and returns the checkpoint; the newest one if the head has not
	 * moved since; none while the chain is empty.
	 */
	Optional<Checkpoint> make();

	/** Newest first. */
	Page<Checkpoint> list(Pageable pageable);

	/** The public key of the configured signing key, under which every checkpoint must verify. */
	String publicKey();

	/**
	 * Record {@code lastSeq} had the hash {@code lastHash} at {@code signedAt}; {@code signature} is
	 * SM3withSM2 over {@link #message()}.
	 */
	record Checkpoint(long number, long lastSeq, String lastHash, Instant signedAt, String publicKey,
			String signature) {

		public static final String MESSAGE_PREFIX = "liandong-audit-checkpoint";

		/** What is signed: {@code liandong-audit-checkpoint|number|lastSeq|lastHash|signedAt}, UTF-8. */
		public String message() {
			return String.join("|", MESSAGE_PREFIX, Long.toString(number), Long.toString(lastSeq), lastHash,
					signedAt.toString());
		}
	}
}
