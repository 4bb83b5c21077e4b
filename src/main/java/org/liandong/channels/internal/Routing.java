package org.liandong.channels.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.channels.Channel;
import org.liandong.channels.MessageCategory;
import org.liandong.identity.AccountContact;
import org.liandong.identity.Accounts;
import org.liandong.inbox.Inbox;
import org.liandong.inbox.StoredMessage;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what the inbox stored since the last pass and turns each message into its deliveries: to each
 * person of the recipient agency (or the one person) over the channels they chose, and for an urgent
 * message to the agency's group robots too. The inbox is read after its messages committed, so a
 * channel never holds up or undoes the change that sent the message. A message is claimed by a row
 * of its own before its deliveries are written, in one transaction, so it is routed once.
 */
@Component
class Routing {

	/** A message may commit a little after the time it was stored at: the pass reads back this far. */
	private static final Duration LATE_COMMIT = Duration.ofMinutes(2);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final Inbox inbox;
	private final Accounts accounts;
	private final Choices choices;
	private final Providers providers;
	private final FieldCipher cipher;
	private final ChannelSettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Routing(JdbcClient jdbc, Inbox inbox, Accounts accounts, Choices choices, Providers providers, FieldCipher cipher,
			ChannelSettings settings, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.accounts = accounts;
		this.choices = choices;
		this.providers = providers;
		this.cipher = cipher;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	void route() {
		if (!providers.anyAvailable()) {
			// a deployment without providers (the demo) keeps no routing records
			return;
		}
		Instant now = clock.instant();
		Instant oldest = now.minus(settings.maxAge());
		// a claim is looked at only within the window read back
		jdbc.sql("delete from channel_routed where routed_at < ?").param(ChineseTime.utc(oldest.minus(LATE_COMMIT))).update();
		Instant scanned = jdbc.sql("select scanned_to from channel_cursor where id = 1")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(oldest);
		Instant since = scanned.minus(LATE_COMMIT).isAfter(oldest) ? scanned.minus(LATE_COMMIT) : oldest;
		List<StoredMessage> messages = inbox.storedSince(since, BATCH);
		if (messages.isEmpty()) {
			return;
		}
		Set<Long> routed = new HashSet<>(jdbc.sql("select message_id from channel_routed where message_id in (:ids)")
			.param("ids", messages.stream().map(StoredMessage::id).toList())
			.query(Long.class)
			.list());
		Map<String, List<AccountContact>> people = new HashMap<>();
		for (StoredMessage message : messages) {
			if (!routed.contains(message.id())) {
				transactions.executeWithoutResult(status -> {
					if (claim(message.id(), now)) {
						deliveries(message, people.computeIfAbsent(message.recipientAgencyCode(), accounts::contacts), now);
					}
				});
			}
		}
		Instant last = messages.get(messages.size() - 1).createdAt();
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("update channel_cursor set scanned_to = ? where id = 1").param(ChineseTime.utc(last)).update() == 0) {
				jdbc.sql("insert into channel_cursor (id, scanned_to) values (1, ?) on conflict do nothing")
					.param(ChineseTime.utc(last))
					.update();
			}
		});
	}

	private boolean claim(long messageId, Instant now) {
		return jdbc.sql("insert into channel_routed (message_id, routed_at) values (?, ?) on conflict do nothing")
			.params(messageId, ChineseTime.utc(now))
			.update() == 1;
	}

	private void deliveries(StoredMessage message, List<AccountContact> people, Instant now) {
		MessageCategory category = MessageCategory.of(message.kind());
		Instant first = category.urgent() ? now : settings.afterQuietHours(now);
		List<AccountContact> recipients = message.toWholeAgency() ? people
				: people.stream().filter(p -> p.username().equals(message.recipientUser())).toList();
		Map<String, Set<Channel>> chosen = choices.of(recipients.stream().map(AccountContact::username).toList(), category);
		List<Delivery> deliveries = new ArrayList<>();
		for (AccountContact person : recipients) {
			for (Channel channel : chosen.get(person.username())) {
				String address = channel == Channel.SMS ? person.mobile() : person.email();
				if (address != null && !address.isBlank() && providers.available(channel, person.agencyCode())) {
					deliveries.add(new Delivery(channel, person.username(), address, hint(channel, address)));
				}
			}
		}
		if (category.urgent()) {
			for (Channel robot : List.of(Channel.WECOM, Channel.DINGTALK)) {
				if (providers.available(robot, message.recipientAgencyCode())) {
					deliveries.add(new Delivery(robot, "", message.recipientAgencyCode(), robot.label()));
				}
			}
		}
		for (Delivery d : deliveries) {
			String place = "%d:%s:%s:%s".formatted(message.id(), d.channel(), message.recipientAgencyCode(), d.user());
			jdbc.sql("""
					insert into channel_delivery (place, message_id, title, link, category, channel, recipient_agency,
					    recipient_user, address_cipher, address_hint, status, next_attempt_at, created_at, sender_agency)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict do nothing""")
				.params(place, message.id(), message.title(), message.link(), category.name(), d.channel().name(),
						message.recipientAgencyCode(), d.user(), cipher.encrypt(d.address(), addressContext(place)),
						d.hint(), ChineseTime.utc(first), ChineseTime.utc(now), message.senderAgencyCode())
				.update();
		}
	}

	static String addressContext(String place) {
		return "channel_delivery.address:" + place;
	}

	/** Enough of a number or address to recognise it: 139****0102, w***@example.cn. */
	static String hint(Channel channel, String address) {
		if (channel == Channel.SMS) {
			return address.length() < 7 ? "****" : address.substring(0, 3) + "****" + address.substring(address.length() - 4);
		}
		int at = address.indexOf('@');
		return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
	}

	private record Delivery(Channel channel, String user, String address, String hint) {
	}
}
