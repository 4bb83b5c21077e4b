package org.liandong.operations;

/**
 * Where an operation's targets may be taken from besides typing and uploading them (issue 22): the parties of
 * open cases the organiser may see, and the enterprises on the public dishonest list, in the operation's area.
 */
public enum TargetSource {

	CASES("案件登记中的未结案件当事企业"), CREDIT_LIST("严重失信主体名单中的企业");

	private final String label;

	TargetSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
