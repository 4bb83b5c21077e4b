package org.liandong.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;

/** How this module names people and days, and reads instants back. */
final class Words {

	private Words() {
	}


	/** A deadline "by 25 November" ends at 24:00 Beijing time that day. */
	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	static String day(LocalDate day) {
		return org.liandong.platform.ChineseTime.day(day);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static boolean caseOfficer(SignedInUser user) {
		return user.hasRole("ENFORCER") || user.hasRole("DETACHMENT_OFFICER");
	}

	static void requireCaseOfficer(SignedInUser user, String what) {
		if (!caseOfficer(user)) {
			throw DomainException.forbidden("not-case-officer", "只有执法人员可以" + what);
		}
	}

	static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** Refuses a date before today (Beijing time). */
	static void requireNotPast(LocalDate day, Instant now, String what) {
		if (day.isBefore(now.atZone(ChineseTime.ZONE).toLocalDate())) {
			throw DomainException.invalid("date-in-past", "%s %s 已过，请选择今天或以后的日期".formatted(what, day(day)));
		}
	}
}
