package org.liandong.operations;

/** The two levels of a work-safety hazard (事故隐患): general and major (重大事故隐患). */
public enum HazardLevel {

	GENERAL("一般隐患"), MAJOR("重大隐患");

	private final String label;

	HazardLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
