package org.liandong.integration;

import java.util.List;

import jakarta.validation.Valid;

import org.liandong.platform.SignedInUser;

/**
 * Integration clients (issue 20, X5): other government systems registered by the system
 * administrator, each for one agency and a few scopes; they obtain short-lived bearer tokens with
 * the OAuth2 client-credentials grant at {@code POST /oauth2/token} and call the API with them.
 * Tokens are verified by their signature, without a database read; a revoked client gets no
 * token and its outstanding tokens are refused.
 */
public interface IntegrationClients {

	ClientRegistration register(@Valid NewIntegrationClient client, SignedInUser admin);

	List<IntegrationClientView> list();

	IntegrationClientView revoke(long id, SignedInUser admin);
}
