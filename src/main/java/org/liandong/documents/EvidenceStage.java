package org.liandong.documents;

/**
 * The stages of a letter's way that the platform keeps a signed evidence of (issue 23, after e-CODEX's
 * evidences): issued by the sender, delivered to the addressee, opened there (the receipt), then the
 * addressee's answer to it — accepted, returned, forwarded to the competent bureau, answered.
 */
public enum EvidenceStage {

	ISSUED("发出"), DELIVERED("送达"), OPENED("签收"), ACCEPTED("受理"), RETURNED("退回"), FORWARDED("转办"), ANSWERED("答复");

	private final String label;

	EvidenceStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
