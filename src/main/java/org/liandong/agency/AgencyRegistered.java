package org.liandong.agency;

import org.liandong.audit.AuditableEvent;

/** An agency joined the hierarchy. */
public record AgencyRegistered(String code, String name, AgencyKind kind, String divisionCode) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "AGENCY_REGISTERED";
	}

	@Override
	public String auditObjectType() {
		return "agency";
	}

	@Override
	public String auditObjectId() {
		return code;
	}

	@Override
	public String auditDetail() {
		return "登记机构“%s”（%s，行政区划 %s）".formatted(name, kind.label(), divisionCode);
	}
}
