package org.liandong.identity;

/**
 * How a person of an agency is reached away from the platform (issue 23): the mobile number and the
 * e-mail address of the account, either {@code null} when not given.
 */
public record AccountContact(String username, String displayName, String agencyCode, String mobile, String email) {
}
