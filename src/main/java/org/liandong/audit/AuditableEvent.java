package org.liandong.audit;

/**
 * A business event that must leave a row in the audit trail (X1). The audit module listens to
 * every such event synchronously, inside the transaction that made the change, so the audit row
 * commits or rolls back with it. Who and from where are taken from the current request unless
 * the event names its own actor (for example a lockout caused by an anonymous sign-in attempt).
 */
public interface AuditableEvent {

	/** A stable upper-case action code, e.g. {@code AGENCY_REGISTERED}. */
	String auditAction();

	/** The kind of object changed, e.g. {@code agency}. */
	String auditObjectType();

	/** The changed object's identifier in its module's words (a code, a username, a number). */
	String auditObjectId();

	/** One Chinese sentence describing the change for the audit administrator. */
	String auditDetail();

	/** The username to record as actor when the change has no signed-in user behind it. */
	default String auditActor() {
		return null;
	}
}
