package org.liandong.documents;

import java.util.List;
import java.util.Set;

import org.liandong.agency.AgencyKind;
import org.liandong.platform.SignedInUser;

/**
 * Whether a bureau's letters of a kind leave only after one of its leaders signed them off (签发,
 * issue 23, N2), its legal officer having reviewed them first (审核) where the bureau asks for that:
 * the number and the bureau's signature are applied at the sign-off, by that act. Set per bureau and
 * kind by the system administrator; a kind not set needs none.
 */
public interface SignOffPolicies {

	/** The kinds that can wait for a sign-off. */
	List<DocumentKind> SIGNABLE = List.of(DocumentKind.ASSISTANCE_LETTER, DocumentKind.INCIDENT_BULLETIN,
			DocumentKind.DESIGNATION_NOTICE, DocumentKind.DISPATCH_NOTICE, DocumentKind.EVALUATION_REPORT,
			DocumentKind.MEETING_MINUTES, DocumentKind.OPERATION_SUMMARY);

	/**
	 * The kinds only the city bureau issues, in its own name whichever of its offices drafts them: no other
	 * agency has a policy for them.
	 */
	Set<DocumentKind> CITY_BUREAU_ONLY = Set.of(DocumentKind.DESIGNATION_NOTICE, DocumentKind.DISPATCH_NOTICE,
			DocumentKind.EVALUATION_REPORT);

	/**
	 * The joint meeting's minutes, issued by its office, the city's enforcement detachment, and signed off by
	 * a leader of the city bureau, the meeting's convener.
	 */
	Set<DocumentKind> OFFICE_ONLY = Set.of(DocumentKind.MEETING_MINUTES);

	/** The kinds an agency of this kind issues and so may have signed off. */
	static List<DocumentKind> signableBy(AgencyKind issuer) {
		return SIGNABLE.stream()
			.filter(kind -> CITY_BUREAU_ONLY.contains(kind) ? issuer == AgencyKind.CITY_BUREAU
					: OFFICE_ONLY.contains(kind) ? issuer == AgencyKind.ENFORCEMENT_DETACHMENT : true)
			.toList();
	}

	/**
	 * The urgent kinds, sent first and signed off afterwards (先发后签): the matter reaches its
	 * recipients at once, the document is numbered and sealed at the leader's sign-off. Never reviewed first.
	 */
	List<DocumentKind> SENT_FIRST = List.of(DocumentKind.INCIDENT_BULLETIN);

	/**
	 * The kinds whose sign-off a legal officer's review may precede (拟稿 → 审核 → 签发): the 协助调查函 only;
	 * the others are signed off by the leader alone, so a review is not offered for them rather than skipped.
	 */
	List<DocumentKind> REVIEWABLE = List.of(DocumentKind.ASSISTANCE_LETTER);

	Approval approval(String agencyCode, DocumentKind kind);

	default boolean required(String agencyCode, DocumentKind kind) {
		return approval(agencyCode, kind).signOff();
	}

	/** The bureau's policy for each kind it issues that can wait for a sign-off. */
	List<SignOffPolicy> of(String agencyCode);

	/** Sets the policy of one kind (system administrator); audited. */
	SignOffPolicy set(String agencyCode, DocumentKind kind, Approval approval, SignedInUser administrator);

	/**
	 * @param required whether the bureau's leader signs the letters off
	 * @param review whether its legal officer reviews them before (only with a sign-off)
	 * @param sentFirst whether the kind is sent first and signed off afterwards, so never reviewed
	 * @param reviewable whether a legal officer's review may be asked for before the sign-off
	 */
	record SignOffPolicy(String agencyCode, DocumentKind kind, String kindLabel, boolean required, boolean review,
			Approval approval, String approvalLabel, boolean sentFirst, boolean reviewable) {

		public SignOffPolicy(String agencyCode, DocumentKind kind, Approval approval) {
			this(agencyCode, kind, kind.label(), approval.signOff(), approval.review(), approval,
					SENT_FIRST.contains(kind) && approval.signOff() ? "先发后签（局领导补签发）" : approval.label(),
					SENT_FIRST.contains(kind), REVIEWABLE.contains(kind));
		}
	}
}
