package org.liandong.channels.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.liandong.channels.Channel;
import org.liandong.channels.MessageCategory;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries that are due, one at a time, outside any transaction, and records each
 * attempt: a delivery the provider took is sent; one it refused waits {@code retryBase} doubled
 * after each failure (up to {@code retryMax}) and is given up after {@code maxAttempts}, shown as such.
 * The pass runs on one instance at a time and each outcome is written only if the delivery is still
 * pending at the attempt it read, so no instance sends what another already has.
 */
@Component
class Sending {

	private static final Logger log = LoggerFactory.getLogger(Sending.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final Providers providers;
	private final FieldCipher cipher;
	private final ChannelSettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Sending(JdbcClient jdbc, Providers providers, FieldCipher cipher, ChannelSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.providers = providers;
		this.cipher = cipher;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	void sendDue() {
		List<Due> due = jdbc.sql("""
				select id, place, category, channel, address_cipher, title, link, attempts from channel_delivery
				where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit ?""")
			.params(ChineseTime.utc(clock.instant()), BATCH)
			.query((rs, n) -> new Due(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
					cipher.decrypt(rs.getString("address_cipher"), Routing.addressContext(rs.getString("place"))),
					rs.getString("title"), rs.getString("link"), rs.getInt("attempts"),
					MessageCategory.valueOf(rs.getString("category")).urgent()))
			.list();
		due.forEach(this::send);
	}

	private void send(Due delivery) {
		String failure = null;
		try {
			providers.send(delivery.channel(), delivery.address(), delivery.title(), text(delivery));
		}
		catch (Providers.Failure refused) {
			failure = refused.getMessage();
			log.warn("消息渠道 {} 第 {} 次发送未成功（投递 {}）：{}", delivery.channel(), delivery.attempts() + 1,
					delivery.id(), failure);
		}
		record(delivery, failure, clock.instant());
	}

	private void record(Due delivery, String failure, Instant at) {
		int attempt = delivery.attempts() + 1;
		String status = failure == null ? "SENT" : attempt >= settings.maxAttempts() ? "GAVE_UP" : "PENDING";
		transactions.executeWithoutResult(tx -> {
			int updated = jdbc.sql("""
					update channel_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = coalesce(?, last_error), sent_at = ?
					where id = ? and status = 'PENDING' and attempts = ?""")
				.params(status, attempt, ChineseTime.utc(failure == null ? at : retryAt(delivery, at.plus(backoff(attempt)))), failure,
						failure == null ? ChineseTime.utc(at) : null, delivery.id(), delivery.attempts())
				.update();
			if (updated == 1) {
				jdbc.sql("insert into channel_attempt (delivery_id, attempt, at, succeeded, detail) values (?, ?, ?, ?, ?)")
					.params(delivery.id(), attempt, ChineseTime.utc(at), failure == null, failure)
					.update();
			}
		});
	}

	/** A retry of what is not urgent waits out the quiet hours too. */
	private Instant retryAt(Due delivery, Instant after) {
		return delivery.urgent() ? after : settings.afterQuietHours(after);
	}

	/** The wait after the given failed attempt: the base, doubled per further failure, capped. */
	Duration backoff(int failedAttempts) {
		Duration wait = settings.retryBase().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
		return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
	}

	/** The title and a link back; the message's body stays in the platform (no personal data on the channel). */
	private String text(Due delivery) {
		String link = delivery.link() == null || delivery.link().isBlank() ? "/inbox" : delivery.link();
		return "【联动】" + delivery.title() + "\n详情请登录平台查看：" + settings.linkBase() + link;
	}

	private record Due(long id, Channel channel, String address, String title, String link, int attempts, boolean urgent) {
	}
}
