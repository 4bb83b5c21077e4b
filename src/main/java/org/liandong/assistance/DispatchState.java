package org.liandong.assistance;

/** Where a city dispatch stands (R2.7). */
public enum DispatchState {

	SENT("待办理"),
	REPORTED("已报告办理情况，待市局办结"),
	CLOSED("已办结");

	private final String label;

	DispatchState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
