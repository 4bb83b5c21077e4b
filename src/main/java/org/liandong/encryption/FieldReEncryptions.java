package org.liandong.encryption;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Re-encryption of every sealed field after a rotation of the master key (X1, issue 19): each value
 * not in the current form under the current key is read under the key it was written with and
 * written again under the current one, in the background on one instance, with its progress stored.
 * A value that no known key opens is counted as failed and named, and left as it is.
 */
public interface FieldReEncryptions {

	/**
	 * Queues a run; it starts within the scheduler's polling interval on some instance. Refused
	 * (409) while another one is queued or running.
	 */
	Run start(String requestedBy);

	/** The run with its progress or result; refused (404) if there is none such. */
	Run find(long id);

	/** The most recently requested runs, newest first. */
	List<Run> recent(int limit);

	/** The most recently requested run, if any. */
	default Optional<Run> latest() {
		return recent(1).stream().findFirst();
	}

	/**
	 * A run. Of {@code total} sealed values (counted when it started; values added meanwhile are
	 * walked too, so at the end total is what was looked at) {@code done} have been looked at,
	 * {@code rewritten} of them written again under the current key, {@code failed} opened by no
	 * known key ({@code failures} names them). The rest were current already, or changed by someone
	 * meanwhile (then under the current key, and not overwritten).
	 */
	record Run(long id, State state, String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt,
			long total, long done, long rewritten, long failed, int percent, List<Failure> failures, String problem) {
	}

	/** A value that no known key opens: where it is (the context it is sealed for) and the row's key. */
	record Failure(String column, long rowId, String place) {
	}

	enum State {
		/** waiting for an instance to take it */
		QUEUED,
		RUNNING,
		/** every value looked at (some may have failed) */
		DONE,
		/** could not finish (see problem) */
		FAILED
	}
}
