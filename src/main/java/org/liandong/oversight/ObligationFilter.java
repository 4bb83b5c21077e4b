package org.liandong.oversight;

import java.time.LocalDate;

/**
 * What to list of the ledger; every part optional.
 *
 * @param owner the owing agency (a county bureau sees only its own, whatever is asked)
 * @param outcome {@code open}, {@code overdue} (open and past due), {@code on-time}, {@code late}
 *                (met after due), {@code missed} (found overdue, met or not) or {@code cancelled}
 * @param subjectType one subject type, or several separated by commas
 * @param obligation the words of one kind of obligation, e.g. 答复协查请求
 * @param dueFrom first day of due dates, inclusive (Beijing time)
 * @param dueTo last day of due dates, inclusive
 */
public record ObligationFilter(String owner, String subjectType, String obligation, String outcome, LocalDate dueFrom,
		LocalDate dueTo) {

	public static ObligationFilter none() {
		return new ObligationFilter(null, null, null, null, null, null);
	}
}
