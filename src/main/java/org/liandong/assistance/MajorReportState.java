package org.liandong.assistance;

/** A major-case report in the legal office's queue (R2.5). */
public enum MajorReportState {

	PENDING("待指定管辖"),
	/** Designated by the legal office, waiting for the city bureau's leader to sign the notice off (issue 23). */
	AWAITING_SIGN_OFF("待签发"),
	DESIGNATED("已指定管辖"),
	DECLINED("不作为重大案件，已退回");

	private final String label;

	MajorReportState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
