package org.liandong.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The audit trail (X1): append a record, list records, verify the hash chain. Business changes
 * reach it through {@link AuditableEvent}s; reads that must be audited call {@link #record}.
 */
public interface AuditTrail {

	/**
	 * Records, attributed to the current user, with the caller's transaction: the record commits or
	 * rolls back with it and is appended to the chain moments after the commit (issue 18), without the
	 * transaction waiting for the chain.
	 */
	void record(String action, String objectType, String objectId, String detail);

	/** Records with an explicit actor (sign-in attempts, start-up tasks), as {@link #record}. */
	void recordAs(String actor, String actorAgency, String action, String objectType, String objectId, String detail);

	/**
	 * Appends many records to the chain at once, within the caller's transaction, under one lock of the
	 * chain: for reads audited in bulk (credit checks), which are first kept durably by their module and
	 * chained here in batches by a job, never by a business transaction.
	 */
	void recordAll(List<Pending> records);

	/**
	 * Appends now, in the caller's thread, what this instance has recorded and committed but not yet
	 * chained (otherwise done in the background within milliseconds). The trail's own reads do it first.
	 */
	void chainPending();

	/** How the chaining of this instance has gone since it started. */
	Chaining chaining();

	/**
	 * The chaining of one instance: {@code passes} transactions that appended {@code records} records,
	 * {@code waiting} committed and not chained now, {@code longestWait} the longest a record waited between
	 * its transaction's commit and its chaining, {@code restored} records whose pending row was deleted
	 * before they were chained and which were chained from memory; {@code byWait} the chainings counted by
	 * how long their oldest record waited.
	 */
	record Chaining(long passes, long records, int waiting, Duration longestWait, long restored, long[] byWait) {

		/**
		 * The bounds of {@code byWait}: how many chainings had their oldest record wait up to 10 ms, up to 50 ms,
		 * and so on, the last count those beyond 5 s.
		 */
		public static final List<Long> WAIT_BOUNDS_MS = List.of(10L, 50L, 100L, 500L, 1000L, 5000L);

		public static int bucket(Duration waited) {
			long millis = waited.toMillis();
			for (int i = 0; i < WAIT_BOUNDS_MS.size(); i++) {
				if (millis <= WAIT_BOUNDS_MS.get(i)) {
					return i;
				}
			}
			return WAIT_BOUNDS_MS.size();
		}
	}

	Page<AuditEntry> entries(AuditQuery query, Pageable pageable);

	/** Every record the query selects, oldest first, streamed (the audit administrator's export). */
	void each(AuditQuery query, Consumer<AuditEntry> action);

	/** A record to append with its own actor, time and client address, as it happened. */
	record Pending(Instant occurredAt, String actor, String actorAgency, String action, String objectType,
			String objectId, String detail, String clientAddress) {
	}

	/**
	 * Recomputes every link of the chain, checks every signed checkpoint against it and reports the
	 * first break, in the caller's thread; {@link AuditVerifications} does the same in the background.
	 */
	ChainVerification verify();

	/** A filter over the trail; null fields do not filter. */
	record AuditQuery(String actor, String action, Instant from, Instant to) {

		public static AuditQuery all() {
			return new AuditQuery(null, null, null, null);
		}
	}

	record AuditEntry(long seq, Instant occurredAt, String actor, String actorAgency, String action,
			String objectType, String objectId, String detail, String clientAddress, String hash) {
	}

	/**
	 * The result of a verification: intact, or the first record at which the chain breaks, with
	 * the reason in Chinese.
	 */
	record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSeq, String problem,
			Instant verifiedAt) {
	}
}
