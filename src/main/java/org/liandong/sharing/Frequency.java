package org.liandong.sharing;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How often a periodic report is due (R6.1), and the periods it divides a year into: a month
 * (2026-10), a quarter (2026-Q3), a half year (2026-H2) or the year (2026).
 */
public enum Frequency {

	MONTHLY("月报", 1),
	QUARTERLY("季报", 3),
	HALF_YEARLY("半年报", 6),
	YEARLY("年报", 12);

	private final String label;
	private final int months;

	Frequency(String label, int months) {
		this.label = label;
		this.months = months;
	}

	public String label() {
		return label;
	}

	/** The first month of the period that contains the day. */
	public YearMonth periodStart(LocalDate day) {
		int index = (day.getMonthValue() - 1) / months;
		return YearMonth.of(day.getYear(), index * months + 1);
	}

	public String periodKey(YearMonth start) {
		return switch (this) {
			case MONTHLY -> start.toString();
			case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
			case HALF_YEARLY -> start.getYear() + "-H" + ((start.getMonthValue() - 1) / 6 + 1);
			case YEARLY -> Integer.toString(start.getYear());
		};
	}

	public String periodLabel(YearMonth start) {
		return switch (this) {
			case MONTHLY -> "%d年%d月".formatted(start.getYear(), start.getMonthValue());
			case QUARTERLY -> "%d年第%d季度".formatted(start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
			case HALF_YEARLY -> "%d年%s".formatted(start.getYear(), start.getMonthValue() <= 6 ? "上半年" : "下半年");
			case YEARLY -> "%d年".formatted(start.getYear());
		};
	}

	/**
	 * The day a period's report is due: the due day of the month after the period; a due day
	 * beyond that month's end (the 31st in April) falls on its last day.
	 */
	public LocalDate dueDate(YearMonth start, int dueDay) {
		YearMonth after = start.plusMonths(months);
		return after.atDay(Math.min(dueDay, after.lengthOfMonth()));
	}

	public int months() {
		return months;
	}
}
