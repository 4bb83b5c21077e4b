package org.liandong.encryption;

import org.liandong.audit.AuditableEvent;

/**
 * A re-encryption asked for, and its end, each in the audit trail (X1): the start by the system
 * administrator who asked, the end by the system with its counts.
 */
public record FieldsReEncrypted(String action, long runId, String detail, String actor) implements AuditableEvent {

	public static final String STARTED = "FIELD_REENCRYPTION_STARTED";

	public static final String FINISHED = "FIELD_REENCRYPTION_FINISHED";

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return "field-re-encryption";
	}

	@Override
	public String auditObjectId() {
		return Long.toString(runId);
	}

	@Override
	public String auditDetail() {
		return detail;
	}

	@Override
	public String auditActor() {
		return actor;
	}
}
