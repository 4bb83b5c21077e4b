package org.liandong.cases;

/** Where a case stands (R2.1). A case moves forward one step at a time. */
public enum CaseStatus {

	REGISTERED("已立案"),
	INVESTIGATING("调查取证"),
	DECIDED("已作出处理决定"),
	CLOSED("已结案");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean mayMoveTo(CaseStatus next) {
		return next.ordinal() == ordinal() + 1;
	}
}
