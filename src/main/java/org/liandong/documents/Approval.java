package org.liandong.documents;

/**
 * Who approves a bureau's letters of a kind before they are numbered, sealed and sent (issue 23, N2:
 * 拟稿 → 审核 → 签发): no one, the bureau's leader, or its legal officer first and then the leader.
 */
public enum Approval {

	NONE("经办人直接发出"),
	SIGN_OFF("局领导签发"),
	REVIEW_AND_SIGN_OFF("法制审核后局领导签发");

	private final String label;

	Approval(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean signOff() {
		return this != NONE;
	}

	public boolean review() {
		return this == REVIEW_AND_SIGN_OFF;
	}

	public static Approval of(boolean signOff, boolean review) {
		return !signOff ? NONE : review ? REVIEW_AND_SIGN_OFF : SIGN_OFF;
	}
}
