package org.liandong.cases;

import org.liandong.audit.AuditableEvent;

/**
 * An enforcer checked whether other bureaus have open cases on a party (issue 22): a sensitive read,
 * audited (X1) with the USCC or the masked ID number only.
 */
public record PartyChecked(String party, int bureaus) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "PARTY_LINKAGE_CHECKED";
	}

	@Override
	public String auditObjectType() {
		return "party";
	}

	@Override
	public String auditObjectId() {
		return party;
	}

	@Override
	public String auditDetail() {
		return "核查当事人在其他单位的未结案件：%d 个单位有未结案件".formatted(bureaus);
	}
}
