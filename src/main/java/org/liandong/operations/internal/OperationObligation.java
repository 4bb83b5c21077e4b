package org.liandong.operations.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.liandong.platform.ChineseTime;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;

/**
 * What an operation obliges its units to do (issue 22, R7.1): each participant confirms its
 * participation before the operation starts, each team's unit inspects the team's targets by the
 * team's last day, the organiser submits the summary within five days of the end. The ledger reminds
 * and escalates them like every other obligation; the events are all made here so they name it alike.
 */
enum OperationObligation {

	CONFIRM("joint-operation", "确认参加联合执法行动"),
	INSPECT("joint-operation-team", "完成联合执法检查"),
	SUMMARISE("joint-operation-summary", "报送联合执法行动总结");

	/** Days after the operation's end within which the summary is due. */
	static final int SUMMARY_DAYS = 5;

	private final String subjectType;
	private final String words;

	OperationObligation(String subjectType, String words) {
		this.subjectType = subjectType;
		this.words = words;
	}

	/** The end of the day (24:00 Beijing time). */
	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	/** The start of the day (0:00 Beijing time). */
	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	ObligationDue due(long subjectId, String subjectName, String owner, Instant dueAt, long operationId) {
		return new ObligationDue(subjectType, subjectId, subjectName, words, owner, dueAt,
				"/joint-operations/" + operationId);
	}

	ObligationSettled settled(long subjectId, String owner, Instant at, boolean met) {
		return new ObligationSettled(subjectType, subjectId, words, owner, at, met);
	}
}
