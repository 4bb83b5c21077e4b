package org.liandong.assistance;

import org.liandong.audit.AuditableEvent;

/** A dispatch was issued, reported on by the bureau, or closed by the city bureau (R2.7). */
public record DispatchTransitioned(long dispatchId, String number, DispatchState state, String agencyCode,
		String detail) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "DISPATCH_" + state.name();
	}

	@Override
	public String auditObjectType() {
		return "dispatch";
	}

	@Override
	public String auditObjectId() {
		// a dispatch waiting for the sign-off has no number yet (issue 23)
		return number == null || number.isEmpty() ? "督办" + dispatchId : number;
	}

	@Override
	public String auditDetail() {
		return detail;
	}
}
