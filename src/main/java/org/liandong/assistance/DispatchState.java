package org.liandong.assistance;

/** Where a city dispatch stands (R2.7). */
public enum DispatchState {

	/** Drafted by the detachment, waiting for the city bureau's leader to sign the notice off (issue 23). */
	AWAITING_SIGN_OFF("待签发"),
	SENT("待办理"),
	REPORTED("已报告办理情况，待市局办结"),
	CLOSED("已办结"),
	/** Sent back by the leader instead of signed off: never sent, the bureau never told (issue 23). */
	SENT_BACK("已退回，未发出");

	private final String label;

	DispatchState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
