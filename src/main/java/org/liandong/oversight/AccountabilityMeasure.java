package org.liandong.oversight;

/** The measures an accountability decision may take against a unit (R7.2). */
public enum AccountabilityMeasure {

	NOTICE_OF_CRITICISM("通报批评"),
	ADMONITORY_TALK("约谈"),
	ORDER_TO_RECTIFY("责令整改"),
	NO_EXCELLENCE_AWARD("取消年度评优资格"),
	OTHER("其他");

	private final String label;

	AccountabilityMeasure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
