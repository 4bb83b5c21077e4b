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

	CaseView change(long id, @Valid CaseChange change, SignedInUser editor);

	List<CaseView.NotificationView> notify(long id, @Valid NewNotification notification, SignedInUser sender);

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
