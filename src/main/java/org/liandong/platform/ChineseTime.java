package org.liandong.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants are stored in UTC and shown in Beijing time, in the Chinese way of writing dates. */
public final class ChineseTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);

	private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(ZONE);

	private ChineseTime() {
	}

	/** The instant as a UTC timestamp, the way instants are bound to SQL. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	public static String format(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	public static String formatPrecise(Instant instant) {
		return instant == null ? "" : PRECISE.format(instant);
	}
}
