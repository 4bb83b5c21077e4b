package org.liandong.cases;

/** The level of government that supervises the party: part of the territorial principle (R2.2). */
public enum SupervisionLevel {

	COUNTY("县级监管"),
	CITY("市级监管");

	private final String label;

	SupervisionLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
