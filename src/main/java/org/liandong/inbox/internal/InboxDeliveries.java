package org.liandong.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.liandong.inbox.InboxDelivery;
import org.liandong.platform.SignedInUser;
import org.liandong.inbox.InboxMessageDelivered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores each delivery in the publishing transaction (issue 18): the message commits or rolls back
 * with the change it reports, so nothing is lost when the application stops right after the commit
 * and nothing is delivered for a change that did not happen (X4), without the event publication
 * registry's three writes and two transactions of their own per message. Storing is idempotent: a
 * message already stored for the same source and recipient is not stored twice.
 */
@Component
class InboxDeliveries {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboxDeliveries(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(InboxDelivery delivery) {
		String user = delivery.recipientUser() == null ? "" : delivery.recipientUser().trim();
		Instant now = clock.instant();
		// the bureau whose act the message reports: named by the module, or else the person acting now (a
		// request sent, a case notified); a message the scheduler makes (a reminder) has none (issue 23)
		String sender = delivery.senderAgencyCode() != null ? delivery.senderAgencyCode()
				: SignedInUser.current().map(SignedInUser::agencyCode).orElse(null);
		KeyHolder key = new GeneratedKeyHolder();
		int stored = jdbc.sql("""
				insert into inbox_message (recipient_agency, recipient_user, kind, title, body, link, source_type,
				                           source_id, created_at, sender_agency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(delivery.recipientAgencyCode(), user, delivery.kind(), clip(delivery.title(), 200),
					clip(delivery.body(), 4000), delivery.link(), delivery.sourceType(), delivery.sourceId(),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC), sender)
			.update(key, "id");
		if (stored == 0) {
			return;
		}
		// the new row's id comes with the insert (issue 18: no second statement to find it)
		long id = key.getKeyAs(Long.class);
		events.publishEvent(new InboxMessageDelivered(id, delivery.sourceType(), delivery.sourceId(),
				delivery.recipientAgencyCode(), now));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
