package org.liandong.channels.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.liandong.platform.ChineseTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels of a deployment, in {@code liandong.channels.*} (issue 23). The providers' addresses and
 * keys come from the deployment's environment, never from the repository; a channel without its
 * provider is not used, so a deployment without any sends nothing and the inbox stays the record.
 *
 * @param every how often the inbox is read and due deliveries sent
 * @param maxAge a message older than this when first seen is not carried (after a long stop, or the demo's past)
 * @param retryBase the wait after the first failure, doubled after each further one up to {@code retryMax}
 * @param maxAttempts after these, the delivery is given up and shown as such
 * @param linkBase the platform's address as people reach it, put before a message's link
 * @param quietFrom the quiet hours in Beijing time, when only urgent messages are sent
 * @param robots per agency code, the webhook addresses of its WeCom and DingTalk groups
 */
@ConfigurationProperties("liandong.channels")
record ChannelSettings(@DefaultValue("10s") Duration every, @DefaultValue("1h") Duration maxAge,
		@DefaultValue("30s") Duration retryBase, @DefaultValue("30m") Duration retryMax,
		@DefaultValue("12") int maxAttempts, @DefaultValue("http://localhost:8080") String linkBase,
		@DefaultValue("22:00") LocalTime quietFrom, @DefaultValue("07:00") LocalTime quietTo,
		@DefaultValue Sms sms, @DefaultValue Mail mail, Map<String, Robots> robots) {

	ChannelSettings {
		robots = robots == null ? Map.of() : Map.copyOf(robots);
	}

	/** The moment sending may start: now, or the end of the quiet hours (Beijing time) when now is within them. */
	Instant afterQuietHours(Instant now) {
		ZonedDateTime local = now.atZone(ChineseTime.ZONE);
		LocalTime time = local.toLocalTime();
		boolean quiet = quietFrom.isAfter(quietTo) ? !time.isBefore(quietFrom) || time.isBefore(quietTo)
				: !time.isBefore(quietFrom) && time.isBefore(quietTo);
		if (!quiet) {
			return now;
		}
		ZonedDateTime end = local.with(quietTo);
		return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
	}

	/** An SMS provider's HTTP API: a JSON post with the number, the signature and the text, the key as bearer. */
	record Sms(String url, String apiKey, @DefaultValue("平顶山应急") String sign) {

		boolean configured() {
			return url != null && !url.isBlank();
		}
	}

	/** The sender of e-mails; the SMTP server is Spring's {@code spring.mail.*}. */
	record Mail(String from) {
	}

	/** A bureau's group robots. */
	record Robots(String wecom, String dingtalk) {
	}
}
