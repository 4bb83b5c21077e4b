package org.liandong.meetings;

/** A regular meeting (every half year in principle) or an ad hoc one (R5). */
public enum MeetingKind {

	REGULAR("例会"),
	AD_HOC("临时会议");

	private final String label;

	MeetingKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
