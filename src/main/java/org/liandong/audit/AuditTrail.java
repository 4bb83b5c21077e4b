package org.liandong.audit;

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

	/** Appends a record within the caller's transaction, attributed to the current user. */
	void record(String action, String objectType, String objectId, String detail);

	/** Appends a record with an explicit actor (sign-in attempts, start-up tasks). */
	void recordAs(String actor, String actorAgency, String action, String objectType, String objectId, String detail);

	/**
	 * Appends many records in one go, within the caller's transaction, under one lock of the chain:
	 * for reads audited in bulk (credit checks), which are first kept durably by their module and
	 * chained here in batches, so that the chain is not taken once per read.
	 */
	void recordAll(List<Pending> records);

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
