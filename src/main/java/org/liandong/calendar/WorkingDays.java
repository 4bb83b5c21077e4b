package org.liandong.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.function.Predicate;

import org.liandong.platform.ChineseTime;

/**
 * The working days of a span of dates, read once, for counting many intervals within it (a year's
 * answers on the assistance scoreboard) without a query per interval.
 */
public final class WorkingDays {

	private final LocalDate first;
	private final BitSet working;
	private final int length;

	WorkingDays(LocalDate first, BitSet working, int length) {
		this.first = first;
		this.working = working;
		this.length = length;
	}

	/**
	 * The working days after the day of {@code from} up to and including the day of {@code to}, in
	 * Beijing time: an answer on the day of the request took 0 working days, one on the next
	 * working day 1, and a Friday request answered on Monday 1.
	 */
	public int between(Instant from, Instant to) {
		LocalDate start = from.atZone(ChineseTime.ZONE).toLocalDate();
		LocalDate end = to.atZone(ChineseTime.ZONE).toLocalDate();
		int a = index(start);
		int b = index(end);
		return b <= a ? 0 : working.get(a + 1, b + 1).cardinality();
	}

	private int index(LocalDate day) {
		long index = day.toEpochDay() - first.toEpochDay();
		if (index < 0 || index >= length) {
			throw new IllegalArgumentException("%s lies outside the span read from %s".formatted(day, first));
		}
		return (int) index;
	}

	/** Made by the calendar from its rule (weekends off) and its exceptions. */
	public static WorkingDays of(LocalDate first, LocalDate last, Predicate<LocalDate> isWorking) {
		int length = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		BitSet working = new BitSet(length);
		for (int i = 0; i < length; i++) {
			working.set(i, isWorking.test(first.plusDays(i)));
		}
		return new WorkingDays(first, working, length);
	}
}
