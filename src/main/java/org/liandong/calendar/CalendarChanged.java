package org.liandong.calendar;

import java.time.LocalDate;

import org.liandong.audit.AuditableEvent;

/** The working calendar changed; deadlines computed from now on follow it. */
public record CalendarChanged(LocalDate day, String description) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "CALENDAR_CHANGED";
	}

	@Override
	public String auditObjectType() {
		return "calendar-day";
	}

	@Override
	public String auditObjectId() {
		return day.toString();
	}

	@Override
	public String auditDetail() {
		return description;
	}
}
