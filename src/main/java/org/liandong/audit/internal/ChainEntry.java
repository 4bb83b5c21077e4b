package org.liandong.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.liandong.audit.AuditTrail.Pending;

/**
 * A record as the chain stores it: every field cut to its column, so no input (a 500-character user
 * name tried at sign-in) fails the write, and its time to the millisecond the column keeps; {@code id}
 * the pending row it was kept in (null: appended at once).
 */
record ChainEntry(UUID id, Instant occurredAt, String actor, String actorAgency, String action, String objectType,
		String objectId, String detail, String clientAddress) {

	/** The columns of {@code audit_pending}, in the order of {@link #pendingRow()}. */
	static final List<String> PENDING_COLUMNS = List.of("id", "occurred_at", "actor", "actor_agency", "action",
			"object_type", "object_id", "detail", "client_address");

	static ChainEntry of(UUID id, Pending record) {
		return new ChainEntry(id, record.occurredAt().truncatedTo(ChronoUnit.MILLIS),
				clip(record.actor() == null ? JdbcAuditTrail.SYSTEM_ACTOR : record.actor(), 64),
				clip(record.actorAgency(), 32), clip(record.action(), 64), clip(record.objectType(), 64),
				clip(record.objectId(), 128), clip(record.detail(), 2000), clip(record.clientAddress(), 64));
	}

	Object[] pendingRow() {
		return new Object[] { id, utc(occurredAt), actor, actorAgency, action, objectType, objectId, detail,
				clientAddress };
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Cut to the column's length; NUL removed, which PostgreSQL refuses in text. */
	private static String clip(String text, int max) {
		if (text == null) {
			return null;
		}
		String clean = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
		return clean.length() <= max ? clean : clean.substring(0, max);
	}
}
