package org.liandong.cases;

import java.util.List;

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
}
