package org.liandong.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Instants are stored in UTC and shown in Beijing time, in the Chinese way of writing dates. */
public final class ChineseTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(ZONE);

	private ChineseTime() {
	}

	/** The instant as a UTC timestamp, the way instants are bound to SQL. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A deadline "by 1 December" ends at midnight; it is written the Chinese way, as 24:00 of that
	 * day (2026年12月1日 24:00), not as 00:00 of the next.
	 */
	public static String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime local = instant.atZone(ZONE);
		if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return DAY.format(local.minusDays(1)) + " 24:00";
		}
		return DATE_TIME.format(instant);
	}

	/** A day as letters write it: 2026年12月5日. */
	public static String day(java.time.LocalDate day) {
		return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}

	public static String formatPrecise(Instant instant) {
		return instant == null ? "" : PRECISE.format(instant);
	}

	/** What is left until a deadline, or how long it has passed: 剩余 2 天 3 小时, 已逾期 40 分钟. */
	public static String countdown(Instant now, Instant due) {
		Duration left = Duration.between(now, due);
		Duration span = left.abs();
		String amount = span.toDays() > 0 ? "%d 天 %d 小时".formatted(span.toDays(), span.toHoursPart())
				: span.toHours() > 0 ? "%d 小时 %d 分".formatted(span.toHours(), span.toMinutesPart())
						: "%d 分钟".formatted(Math.max(1, span.toMinutes()));
		return left.isNegative() ? "已逾期 " + amount : "剩余 " + amount;
	}
}
