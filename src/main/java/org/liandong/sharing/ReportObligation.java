package org.liandong.sharing;

import java.time.Instant;

/** A report a bureau owes for one period of a schedule, and whether and when it came. */
public record ReportObligation(long id, long scheduleId, String scheduleTitle, String periodKey, String agencyCode,
		String agencyName, Instant dueAt, Instant firstSubmittedAt, int revisions, boolean overdue) {

	public boolean submitted() {
		return firstSubmittedAt != null;
	}

	public boolean onTime() {
		return firstSubmittedAt != null && !firstSubmittedAt.isAfter(dueAt);
	}
}
