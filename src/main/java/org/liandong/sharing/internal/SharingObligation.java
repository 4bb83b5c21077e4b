package org.liandong.sharing.internal;

import java.time.Instant;

import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.liandong.sharing.SharingObligationOverdue;

/**
 * What information sharing obliges a bureau to do (R7.1): submit a period's report, acknowledge a
 * bulletin. The events that open and end an obligation for oversight's ledger and its
 * {@link SharingObligationOverdue} are all made here, so that they name it alike.
 */
enum SharingObligation {

	REPORT("report", "报送报告"),
	ACKNOWLEDGE_BULLETIN("bulletin", "签收快报"),
	/** The sending bureau's leader signing off a bulletin that went first (issue 23, 先发后签). */
	SIGN_OFF_BULLETIN("bulletin", "补签发快报");

	private final String subjectType;
	private final String words;

	SharingObligation(String subjectType, String words) {
		this.subjectType = subjectType;
		this.words = words;
	}

	/** A report's subject is the expected report (report_obligation), a bulletin's the bulletin. */
	String link(long subjectId) {
		return switch (this) {
			case REPORT -> "/reports";
			case ACKNOWLEDGE_BULLETIN, SIGN_OFF_BULLETIN -> "/bulletins/" + subjectId;
		};
	}

	/** How people know an expected report: the schedule and the period, 月度执法统计（2026-10）. */
	static String reportName(String scheduleTitle, String periodKey) {
		return "%s（%s）".formatted(scheduleTitle, periodKey);
	}

	ObligationDue due(long subjectId, String subjectName, String owner, Instant dueAt) {
		return new ObligationDue(subjectType, subjectId, subjectName, words, owner, dueAt, link(subjectId));
	}

	ObligationSettled settled(long subjectId, String owner, Instant at, boolean met) {
		return new ObligationSettled(subjectType, subjectId, words, owner, at, met);
	}

	SharingObligationOverdue missed(long subjectId, String subjectName, String owner, Instant dueAt) {
		return new SharingObligationOverdue(subjectType, subjectId, subjectName, words, owner, dueAt);
	}
}
