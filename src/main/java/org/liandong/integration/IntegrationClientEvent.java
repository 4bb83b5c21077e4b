package org.liandong.integration;

import org.liandong.audit.AuditableEvent;

/**
 * What happens to an integration client, each in the audit trail (X1): registered, revoked, a token
 * issued or refused.
 */
public record IntegrationClientEvent(String action, String clientId, String detail, String actor)
		implements AuditableEvent {

	public static final String REGISTERED = "CLIENT_REGISTERED";

	public static final String REVOKED = "CLIENT_REVOKED";

	public static final String TOKEN_ISSUED = "CLIENT_TOKEN_ISSUED";

	public static final String TOKEN_REFUSED = "CLIENT_TOKEN_REFUSED";

	@Override
	public String auditAction() {
		return action;
	}

	@Override
	public String auditObjectType() {
		return "integration-client";
	}

	@Override
	public String auditObjectId() {
		return clientId;
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
