package org.liandong.cases;

/** Who the case is against. */
public enum PartyKind {

	ENTERPRISE("企业或其他组织"),
	PERSON("个人");

	private final String label;

	PartyKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
