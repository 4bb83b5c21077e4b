package org.liandong.cases;

import java.util.List;
import java.util.Map;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * The case register (R2.1), territorial hosting (R2.2) and case notifications (R2.3), with the
 * visibility rules of X2: a bureau sees its own cases, those it takes part in and summaries of
 * those it was notified of; the city bureau sees all (R2.7). A case a reader may not see is
 * reported as not found.
 */
public interface Cases {

	HostProposal proposeHost(String divisionCode, SupervisionLevel level);

	CaseView register(@Valid NewCase request, SignedInUser registrar);

	Page<CaseSummary> list(CaseFilter filter, SignedInUser reader, Pageable pageable);

	CaseView find(long id, SignedInUser reader);

	/**
	 * The newest open cases against enterprises (with a USCC) in these divisions that the reader may see (X2),
	 * at most {@code limit}: the register as a source of a joint operation's targets (issue 22).
	 */
	List<CaseSummary> openEnterpriseCases(List<String> divisionCodes, SignedInUser reader, int limit);

	CaseView change(long id, @Valid CaseChange change, SignedInUser editor);

	List<CaseView.NotificationView> notify(long id, @Valid NewNotification notification, SignedInUser sender);

	/**
	 * Issue 22 (N4): the other bureaus with open cases on the party of a case the reader may see: which
	 * bureau, how many, its liaisons, never the cases (X2).
	 */
	PartyElsewhere partyElsewhere(long id, SignedInUser reader);

	/** Issue 22: the bureaus other than the checker's with open cases on a party given by USCC or ID number; audited. */
	PartyElsewhere checkParty(@Valid PartyCheck check, SignedInUser checker);

	/** Issue 22, R2.7: for the city bureau, the parties with open cases in more than one bureau. */
	Page<PartyInSeveralBureaus> partiesInSeveralBureaus(SignedInUser reader, Pageable pageable);

	/** What another module needs to refer to a case the reader may see, without reading its details. */
	CaseBrief brief(long id, SignedInUser reader);

	/**
	 * Puts an agency on the case in the given role, if it is not on it yet (an assisting bureau of
	 * an assistance request); runs in the caller's transaction and notes it on the timeline.
	 */
	void involve(long id, String agencyCode, ParticipantRole role, SignedInUser actor, String why);

	/**
	 * The city legal office's designation of a major case (R2.5): the lead (or the first joint
	 * agency) becomes the host, every designated agency takes its role, the former host stays on the
	 * case as assisting, and the case becomes major.
	 */
	void designate(long id, Map<String, ParticipantRole> roles, SignedInUser designator, String why);

	/** Notes on the case timeline what another module did about the case (a request sent, a dispatch). */
	void record(long id, SignedInUser actor, String kind, String detail);
}
