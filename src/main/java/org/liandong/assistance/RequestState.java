package org.liandong.assistance;

/** Where an assistance request stands (R2.4). */
public enum RequestState {

	DRAFT("草稿"),
	/** Submitted to the bureau's legal officer, who reviews it before its leader signs it off (issue 23). */
	AWAITING_REVIEW("待审核"),
	/** Submitted to the bureau's leader, who signs it off (and it is sent) or sends it back (issue 23). */
	AWAITING_SIGN_OFF("待签发"),
	SENT("已发出，待受理"),
	ACCEPTED("已受理，办理中"),
	RETURNED("已退回"),
	ANSWERED("已答复，待确认"),
	SUPPLEMENT_REQUESTED("待补充答复"),
	CONFIRMED("已确认办结"),
	WITHDRAWN("已撤回");

	/** Not yet sent: drafted, or waiting for the bureau's review or sign-off, known only to the requesting bureau. */
	public boolean unsent() {
		return this == DRAFT || this == AWAITING_REVIEW || this == AWAITING_SIGN_OFF;
	}

	private final String label;

	RequestState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A state in which the request no longer waits for anyone. */
	public boolean isFinal() {
		return this == CONFIRMED || this == WITHDRAWN;
	}
}
