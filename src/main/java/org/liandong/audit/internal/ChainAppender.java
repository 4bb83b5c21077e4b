package org.liandong.audit.internal;

import java.util.ArrayList;
import java.util.List;

import org.liandong.platform.MultiRowInsert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends records to the chain within the caller's transaction: the single head row locked, which
 * keeps one linear chain across threads and instances, the records inserted in one statement, the
 * head moved to the last. Only the chainer and the batch jobs come here, never a business
 * transaction (issue 18), so the head is held for the moment of a chaining, not through a business
 * commit.
 */
@Component
record ChainAppender(JdbcClient jdbc) {

	private static final List<String> COLUMNS = List.of("seq", "occurred_at", "actor", "actor_agency", "action",
			"object_type", "object_id", "detail", "client_address", "prev_hash", "hash", "entry_id");

	/** The newest link, locked until the caller's transaction ends. */
	Link lockHead() {
		return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** Appends the entries after {@code head}, which the caller locked; nothing for none. */
	void append(Link head, List<ChainEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		long seq = head.seq();
		String previous = head.hash();
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (ChainEntry entry : entries) {
			seq++;
			String hash = AuditChain.link(seq, entry.occurredAt(), entry.actor(), entry.actorAgency(), entry.action(),
					entry.objectType(), entry.objectId(), entry.detail(), entry.clientAddress(), previous);
			rows.add(new Object[] { seq, ChainEntry.utc(entry.occurredAt()), entry.actor(), entry.actorAgency(),
					entry.action(), entry.objectType(), entry.objectId(), entry.detail(), entry.clientAddress(), previous,
					hash, entry.id() });
			previous = hash;
		}
		MultiRowInsert.into(jdbc, "audit_record", COLUMNS, rows);
		jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
	}

	record Link(long seq, String hash) {
	}
}
