package org.liandong.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Working days by the national schedule, held as data (R2.4): deadlines such as "accept within two
 * working days" are counted on it, in Beijing time, so they skip weekends and public holidays and
 * include adjusted working weekends.
 */
public interface WorkingCalendar {

	boolean isWorkingDay(LocalDate day);

	/**
	 * The end (24:00 Beijing time) of the {@code days}-th working day after the day of {@code from}:
	 * a request sent on Friday afternoon with two working days is due at the end of Tuesday.
	 */
	Instant endOfWorkingDays(Instant from, int days);

	/** The working days from {@code first} to {@code last}, read at once for counting many intervals in them. */
	WorkingDays span(LocalDate first, LocalDate last);

	/** The exceptions of one year, in date order. */
	List<CalendarDay> exceptions(int year);

	/** Enters or replaces an exception (system administrator). */
	CalendarDay set(@jakarta.validation.Valid Exception exception);

	/** Removes an exception, so the day follows the weekly rule again (system administrator). */
	void remove(LocalDate day);

	record Exception(@NotNull(message = "请填写日期") LocalDate day, @NotNull(message = "请选择放假或调休上班") CalendarDay.Kind kind,
			@NotBlank(message = "请填写名称，例如“春节”") @Size(max = 50, message = "名称不能超过 50 个字") String name) {
	}
}
