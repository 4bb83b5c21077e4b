package org.liandong.assistance;

/** Why an assisting bureau returns a request; a free-text explanation always goes with it. */
public enum ReturnReason {

	NOT_COMPETENT("不属于本单位管辖"),
	MATTERS_UNCLEAR("协查事项不明确"),
	MATERIALS_INCOMPLETE("材料不齐全"),
	NO_LEGAL_BASIS("缺少法律依据"),
	BEYOND_SCOPE("超出协助调查范围"),
	OTHER("其他原因");

	private final String label;

	ReturnReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
