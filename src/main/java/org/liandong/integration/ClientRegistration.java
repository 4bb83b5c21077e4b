package org.liandong.integration;

/** A client just registered, with its secret: shown this once, kept only as a hash. */
public record ClientRegistration(IntegrationClientView client, String clientSecret) {
}
