package org.liandong.oversight;

/** Where an obligation of the ledger stands (R7.1). Overdue is not a state: an open obligation past its due instant. */
public enum ObligationState {

	OPEN("待办"),
	MET("已履行"),
	CANCELLED("已撤销");

	private final String label;

	ObligationState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
