package org.liandong.integration;

import java.time.Instant;
import java.util.List;

/**
 * A registered client as the system administrator sees it; the secret is never shown again.
 * {@code lastTokenAt} is when it was last given a token (null: not yet).
 */
public record IntegrationClientView(long id, String clientId, String name, String agencyCode, String agencyName,
		List<Scope> scopes, Instant createdAt, String createdByName, Instant lastTokenAt, Instant revokedAt,
		String revokedByName) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
