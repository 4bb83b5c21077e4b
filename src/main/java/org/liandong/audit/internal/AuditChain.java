package org.liandong.audit.internal;

import java.time.Instant;

import org.liandong.platform.Sm3;

/**
 * How one link of the chain is computed: SM3 over an unambiguous encoding of the record's
 * content followed by the previous link's hash. Each field is length-prefixed so that moving
 * text from one field into the next changes the hash.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String link(long seq, Instant occurredAt, String actor, String actorAgency, String action,
			String objectType, String objectId, String detail, String clientAddress, String previousHash) {
		StringBuilder canonical = new StringBuilder(256);
		for (String field : new String[] { Long.toString(seq), occurredAt.toString(), actor, actorAgency, action,
				objectType, objectId, detail, clientAddress, previousHash }) {
			if (field == null) {
				canonical.append("-1:");
			}
			else {
				canonical.append(field.length()).append(':').append(field);
			}
			canonical.append(';');
		}
		return Sm3.hex(canonical.toString());
	}
}
