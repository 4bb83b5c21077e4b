package org.liandong.documents;

import java.util.List;

/**
 * Per-agency SM2 signing keys (issue 12). A key is made the first time an agency signs (a document
 * or a receipt) or by the system administrator; rotating makes a new key current and keeps the old
 * public key for verification; revoking a key makes everything signed with it fail verification.
 */
public interface SigningKeys {

	/** The agency's keys, newest first. */
	List<SigningKeyView> keysOf(String agencyCode);

	/** Makes a new key the agency's current one (its first, or a rotation). */
	SigningKeyView rotate(String agencyCode);

	/** Revokes a key; if it was current, the agency's next signature makes a new one. */
	SigningKeyView revoke(long keyId, String reason);
}
