package org.liandong.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Quiet hours in Beijing time (UTC+8), 22:00 to 07:00 as the defaults say (issue 23): the expected
 * moments are worked out by hand in Beijing time.
 */
class QuietHoursTest {

	private final ChannelSettings settings = new ChannelSettings(Duration.ofSeconds(10), Duration.ofHours(1),
			Duration.ofSeconds(30), Duration.ofMinutes(30), 12, "http://localhost:8080", LocalTime.of(22, 0),
			LocalTime.of(7, 0), new ChannelSettings.Sms(null, null, "平顶山应急"), new ChannelSettings.Mail(null), Map.of());

	@Test
	void late_in_the_evening_waits_until_seven_the_next_morning() {
		assertThat(settings.afterQuietHours(beijing("2026-12-05T23:30:00")))
			.isEqualTo(beijing("2026-12-06T07:00:00"));
		assertThat(settings.afterQuietHours(beijing("2026-12-05T22:00:00")))
			.isEqualTo(beijing("2026-12-06T07:00:00"));
	}

	@Test
	void early_in_the_morning_waits_until_seven_the_same_morning() {
		assertThat(settings.afterQuietHours(beijing("2026-12-06T06:59:59")))
			.isEqualTo(beijing("2026-12-06T07:00:00"));
	}

	@Test
	void in_the_day_goes_at_once() {
		assertThat(settings.afterQuietHours(beijing("2026-12-06T07:00:00")))
			.isEqualTo(beijing("2026-12-06T07:00:00"));
		assertThat(settings.afterQuietHours(beijing("2026-12-06T21:59:59")))
			.isEqualTo(beijing("2026-12-06T21:59:59"));
	}

	@Test
	void back_off_doubles_from_thirty_seconds_up_to_thirty_minutes() {
		Sending sending = new Sending(null, null, null, settings, null, null);
		assertThat(sending.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(sending.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(sending.backoff(6)).isEqualTo(Duration.ofSeconds(960));
		assertThat(sending.backoff(7)).isEqualTo(Duration.ofMinutes(30));
		assertThat(sending.backoff(40)).isEqualTo(Duration.ofMinutes(30));
	}

	private static Instant beijing(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}
}
