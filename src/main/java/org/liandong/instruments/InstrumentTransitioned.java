package org.liandong.instruments;

import org.liandong.audit.AuditableEvent;

/**
 * Something happened to an agreement or memorandum: drafted, revised, submitted, signed (by one
 * party), in force, measures set, terminated or expired. {@code action} names it.
 */
public record InstrumentTransitioned(long instrumentId, String title, InstrumentKind kind, String action,
		InstrumentState state, String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "INSTRUMENT_" + action;
	}

	@Override
	public String auditObjectType() {
		return "instrument";
	}

	@Override
	public String auditObjectId() {
		return "#" + instrumentId;
	}

	@Override
	public String auditDetail() {
		return "%s《%s》：%s".formatted(kind.label(), title, detail);
	}
}
