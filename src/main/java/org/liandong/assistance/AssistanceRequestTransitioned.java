package org.liandong.assistance;

import org.liandong.audit.AuditableEvent;
import org.springframework.modulith.events.Externalized;

/**
 * An assistance request moved: created, sent, accepted, returned, answered, supplement
 * requested, confirmed or withdrawn (R2.4). {@code action} is null for the creation of a draft.
 * Published in the transaction of the move, for the audit trail and for oversight.
 *
 * @param returnReason why the assisting bureau returned the request, on {@link RequestAction#RETURN}
 *        only (null otherwise), so that oversight sees why a request came back
 */
@Externalized("liandong.events::#{'assistance.request.' + (action() == null ? 'drafted' : action().name().toLowerCase())}")
public record AssistanceRequestTransitioned(long requestId, String number, RequestAction action, RequestState from,
		RequestState to, String requesterAgencyCode, String assistingAgencyCode, String detail,
		ReturnReason returnReason) implements AuditableEvent {

	@Override
	public String auditAction() {
		return action == null ? "ASSISTANCE_DRAFTED" : "ASSISTANCE_" + action.name();
	}

	@Override
	public String auditObjectType() {
		return "assistance-request";
	}

	@Override
	public String auditObjectId() {
		return number == null ? "#" + requestId : number;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
