package org.liandong.cases;

/** General cases are hosted territorially (R2.2); major cases are reported to the city bureau (R2.5). */
public enum Severity {

	GENERAL("一般案件"),
	MAJOR("重大案件");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
