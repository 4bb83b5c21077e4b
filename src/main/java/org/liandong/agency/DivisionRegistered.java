package org.liandong.agency;

import org.liandong.audit.AuditableEvent;

/** An administrative division or functional zone was added to the hierarchy. */
public record DivisionRegistered(String code, String name, DivisionLevel level) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DIVISION_REGISTERED";
	}

	@Override
	public String auditObjectType() {
		return "division";
	}

	@Override
	public String auditObjectId() {
		return code;
	}

	@Override
	public String auditDetail() {
		return "登记行政区划“%s”（%s）".formatted(name, level.label());
	}
}
