package org.liandong.documents;

import java.util.List;

/**
 * The kinds of formal text the platform issues (X3). The mark goes into the document number
 * between the issuer prefix and the year: 新华应急<b>协</b>〔2026〕7号. The wording of each kind is
 * a text template, {@code templates/documents/text/<template>.txt}: its first line is the title,
 * the rest the body; the fields it needs must be given when the document is issued.
 */
public enum DocumentKind {

	ASSISTANCE_LETTER("协", "协助调查函", "assistance-letter",
			List.of("addressee", "caseNumber", "partyName", "violationType", "matters", "legalBasis", "acceptDue",
					"answerBy", "contact")),
	RETURN_NOTICE("退", "协查退回函", "return-notice", List.of("addressee", "letterNumber", "reason", "explanation",
			"contact")),
	/** A not competent bureau's notice to the requester that it forwarded the request to the competent one (issue 22). */
	FORWARD_NOTICE("转", "协查转办函", "forward-notice", List.of("addressee", "letterNumber", "receiver", "reason",
			"acceptDue", "contact")),
	/** The assisting bureau's written answer to a request (R2.4), one per answer, a supplement's too. */
	ASSISTANCE_REPLY("复", "协助调查复函", "assistance-reply", List.of("addressee", "letterNumber", "answer", "contact")),
	DESIGNATION_NOTICE("指", "重大案件指定管辖通知", "designation-notice",
			List.of("addressee", "reportingAgency", "caseNumber", "tasks", "instructions")),
	DISPATCH_NOTICE("督", "督办通知", "dispatch-notice",
			List.of("addressee", "caseNumber", "partyName", "violationType", "instruction", "dueOn")),
	CASE_NOTIFICATION("通", "案件通报", "case-notification",
			List.of("addressee", "caseNumber", "partyName", "violationType", "place", "severity", "status")),
	CREDIT_NOTICE("告", "列入严重失信主体名单告知书", "credit-notice",
			List.of("addressee", "caseNumber", "facts", "legalBasis", "defenceDue")),
	CREDIT_DECISION("决", "严重失信主体名单决定书", "credit-decision",
			List.of("addressee", "decision", "noticeNumber", "facts", "legalBasis", "defence", "reason")),
	CREDIT_REPAIR("修", "信用修复决定书", "credit-repair", List.of("addressee", "decisionNumber", "reason")),
	MEETING_MINUTES("纪", "联席会议纪要", "meeting-minutes",
			List.of("addressee", "meetingTitle", "startsAt", "place", "attendance", "minutes", "decisions")),
	EVALUATION_REPORT("评", "年度考评结果通报", "evaluation-report",
			List.of("addressee", "year", "weights", "ranking", "deductions")),
	/** An incident bulletin (R6.3) sent to every bureau of the city, each of which signs for it. */
	INCIDENT_BULLETIN("快", "突发事件快报", "incident-bulletin", List.of("addressee", "title", "body", "acknowledgeBy")),
	/** The summary report (通报) of a joint enforcement operation (issue 22), to every unit that took part. */
	OPERATION_SUMMARY("联", "联合执法行动通报", "operation-summary",
			List.of("addressee", "theme", "period", "outcome", "byUnit", "remarks"));

	private final String mark;
	private final String label;
	private final String template;
	private final List<String> requiredFields;

	DocumentKind(String mark, String label, String template, List<String> requiredFields) {
		this.mark = mark;
		this.label = label;
		this.template = template;
		this.requiredFields = requiredFields;
	}

	public String mark() {
		return mark;
	}

	public String label() {
		return label;
	}

	public String template() {
		return template;
	}

	/** The fields the kind's template cannot do without; optional ones may be left out. */
	public List<String> requiredFields() {
		return requiredFields;
	}
}
