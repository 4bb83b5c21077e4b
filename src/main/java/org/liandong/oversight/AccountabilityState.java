package org.liandong.oversight;

/** An accountability record is opened with its facts and then decided, once (R7.2). */
public enum AccountabilityState {

	OPEN("已立案，待决定"),
	DECIDED("已作出问责决定");

	private final String label;

	AccountabilityState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
