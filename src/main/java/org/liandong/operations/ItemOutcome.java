package org.liandong.operations;

/** What the inspectors found on one checklist item. */
public enum ItemOutcome {

	COMPLIANT("符合"), HAZARD("存在隐患"), NOT_APPLICABLE("不适用");

	private final String label;

	ItemOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
