package org.liandong.credit;

/** Where an entry of the serious-dishonesty list stands in its procedure (R4.2). */
public enum EntryState {

	NOTIFIED("已告知，陈述申辩期"),
	PUBLISHED("已列入，公示中"),
	NOT_LISTED("决定不予列入"),
	REPAIRED("已信用修复，移出名单"),
	EXPIRED("公示期满，移出名单");

	private final String label;

	EntryState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** On the public list: checks find it. */
	public boolean listed() {
		return this == PUBLISHED;
	}
}
