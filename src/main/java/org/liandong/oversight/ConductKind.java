package org.liandong.oversight;

/** What the ledger records against a unit by itself (R7.2). */
public enum ConductKind {

	OVERDUE("逾期未办"),
	UNEXPLAINED_RETURN("以其他原因退回协查"),
	REPEATED_DELAY("多次逾期");

	private final String label;

	ConductKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The label of a stored kind; the stored word itself if it is none of these. */
	public static String labelOf(String kind) {
		for (ConductKind known : values()) {
			if (known.name().equals(kind)) {
				return known.label;
			}
		}
		return kind;
	}
}
