package org.liandong.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** R6.1: periods and due dates of report schedules, a due day beyond a month's end included. */
class FrequencyTest {

	@Test
	void a_due_day_a_month_lacks_falls_on_its_last_day() {
		assertThat(Frequency.MONTHLY.dueDate(YearMonth.of(2026, 3), 31)).isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(Frequency.MONTHLY.dueDate(YearMonth.of(2026, 1), 31)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Frequency.MONTHLY.dueDate(YearMonth.of(2026, 11), 5)).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void periods_are_named_and_due_after_they_end() {
		LocalDate day = LocalDate.of(2026, 11, 25);
		assertThat(Frequency.QUARTERLY.periodKey(Frequency.QUARTERLY.periodStart(day))).isEqualTo("2026-Q4");
		assertThat(Frequency.QUARTERLY.dueDate(Frequency.QUARTERLY.periodStart(day), 15))
			.isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(Frequency.HALF_YEARLY.periodLabel(Frequency.HALF_YEARLY.periodStart(day))).isEqualTo("2026年下半年");
		assertThat(Frequency.YEARLY.periodKey(Frequency.YEARLY.periodStart(day))).isEqualTo("2026");
	}
}
