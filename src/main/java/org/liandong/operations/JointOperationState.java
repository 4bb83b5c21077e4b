package org.liandong.operations;

/** An operation runs from its organisation until its summary report is issued. */
public enum JointOperationState {

	OPEN("进行中"), CONCLUDED("已结束");

	private final String label;

	JointOperationState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
