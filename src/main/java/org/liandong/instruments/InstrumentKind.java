package org.liandong.instruments;

/** What a multi-party instrument is (R3.1, R4.1). */
public enum InstrumentKind {

	AGREEMENT("行政协议"),
	MEMORANDUM("联合惩戒合作备忘录");

	private final String label;

	InstrumentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
