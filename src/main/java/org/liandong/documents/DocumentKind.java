package org.liandong.documents;

/**
 * The kinds of formal text the platform issues (X3). The mark goes into the document number
 * between the issuer prefix and the year: 新华应急<b>协</b>〔2026〕7号.
 */
public enum DocumentKind {

	ASSISTANCE_LETTER("协", "协助调查函"),
	RETURN_NOTICE("退", "协查退回函"),
	DESIGNATION_NOTICE("指", "重大案件指定管辖通知"),
	DISPATCH_NOTICE("督", "督办通知"),
	CASE_NOTIFICATION("通", "案件通报");

	private final String mark;
	private final String label;

	DocumentKind(String mark, String label) {
		this.mark = mark;
		this.label = label;
	}

	public String mark() {
		return mark;
	}

	public String label() {
		return label;
	}
}
