package org.liandong.oversight;

/** Who inspected: the city bureau in an irregular supervision inspection (R8.1), or another bureau in a mutual inspection campaign (R2.6). */
public enum InspectionKind {

	SUPERVISION("督导检查"),
	MUTUAL("互查");

	private final String label;

	InspectionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
