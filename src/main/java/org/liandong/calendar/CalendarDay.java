package org.liandong.calendar;

import java.time.LocalDate;

/** A day that breaks the weekly rule: a public holiday on a weekday or a working weekend day. */
public record CalendarDay(LocalDate day, Kind kind, String name) {

	public enum Kind {
		HOLIDAY("放假"),
		WORKDAY("调休上班");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
