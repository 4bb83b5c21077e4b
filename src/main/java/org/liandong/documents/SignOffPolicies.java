package org.liandong.documents;

import java.util.List;

import org.liandong.platform.SignedInUser;

/**
 * Whether a bureau's letters of a kind leave only after one of its leaders signed them off (签发,
 * issue 23, N2): the number and the bureau's signature are applied at the sign-off, by that act. Set
 * per bureau and kind by the system administrator; a kind not set needs none.
 */
public interface SignOffPolicies {

	/** The kinds that can wait for a sign-off. */
	List<DocumentKind> SIGNABLE = List.of(DocumentKind.ASSISTANCE_LETTER);

	boolean required(String agencyCode, DocumentKind kind);

	/** The bureau's policy for each kind that can wait for a sign-off. */
	List<SignOffPolicy> of(String agencyCode);

	/** Sets the policy of one kind (system administrator); audited. */
	SignOffPolicy set(String agencyCode, DocumentKind kind, boolean required, SignedInUser administrator);

	record SignOffPolicy(String agencyCode, DocumentKind kind, String kindLabel, boolean required) {
	}
}
