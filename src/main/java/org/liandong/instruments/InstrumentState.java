package org.liandong.instruments;

/** Where an agreement or memorandum stands (R3.1). */
public enum InstrumentState {

	DRAFT("草稿"),
	AWAITING_SIGNATURES("待各方签署"),
	IN_FORCE("生效"),
	EXPIRED("已到期"),
	TERMINATED("已终止");

	private final String label;

	InstrumentState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
