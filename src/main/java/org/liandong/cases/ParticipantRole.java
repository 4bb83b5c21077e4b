package org.liandong.cases;

/** 主办 / 协办 / 合办: the part an agency plays in a case. */
public enum ParticipantRole {

	LEAD("主办"),
	ASSISTING("协办"),
	JOINT("合办");

	private final String label;

	ParticipantRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
