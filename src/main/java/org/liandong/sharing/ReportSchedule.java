package org.liandong.sharing;

/** A schedule of periodic reports defined by the city bureau (R6.1). */
public record ReportSchedule(long id, String title, Frequency frequency, int dueDay, String description,
		boolean active) {

	/** The rule in words, e.g. 每月报送，次月 5 日前. */
	public String rule() {
		String after = switch (frequency) {
			case MONTHLY -> "次月";
			case QUARTERLY -> "季度结束后次月";
			case HALF_YEARLY -> "半年结束后次月";
			case YEARLY -> "次年 1 月";
		};
		return "%s，%s %d 日前报送%s".formatted(frequency.label(), after, dueDay, dueDay > 28 ? "（当月无此日的，为当月最后一天）" : "");
	}
}
