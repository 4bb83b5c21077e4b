package org.liandong.agency;

/** The level of an administrative division. */
public enum DivisionLevel {

	PROVINCE("省级"),
	CITY("市级"),
	COUNTY("县级"),
	ZONE("功能区");

	private final String label;

	DivisionLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
