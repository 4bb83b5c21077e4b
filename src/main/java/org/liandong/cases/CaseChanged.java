package org.liandong.cases;

/** A case was edited; {@code description} lists what changed. */
public record CaseChanged(long caseId, String number, String description) implements CaseEvent {

	@Override
	public String auditAction() {
		return "CASE_CHANGED";
	}

	@Override
	public String auditDetail() {
		return description;
	}
}
