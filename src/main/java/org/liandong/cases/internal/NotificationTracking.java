package org.liandong.cases.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxMessageDelivered;
import org.liandong.inbox.InboxMessageRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows a case notification into the recipient's inbox (R2.3): when it was delivered, and who
 * read it first and when, for the sender to see; each reading also joins the case timeline. The
 * delivery is recorded in the transaction that stores the message (which is the notification's own,
 * issue 18); a reading after it commits, through the event publication registry.
 */
@Component
class NotificationTracking {

	private final JdbcClient jdbc;
	private final CaseTimeline timeline;
	private final Agencies agencies;

	NotificationTracking(JdbcClient jdbc, CaseTimeline timeline, Agencies agencies) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.agencies = agencies;
	}

	@EventListener
	void on(InboxMessageDelivered delivered) {
		if (!CaseNotification.NOTIFICATION_SOURCE.equals(delivered.sourceType())) {
			return;
		}
		long notification = Long.parseLong(delivered.sourceId());
		int updated = jdbc.sql("update case_notification set delivered_at = ? where id = ? and delivered_at is null")
			.params(OffsetDateTime.ofInstant(delivered.deliveredAt(), ZoneOffset.UTC), notification)
			.update();
		if (updated == 1) {
			timeline.append(caseOf(notification), Editor.SYSTEM, "NOTIFICATION_DELIVERED",
					"通报已送达%s的消息箱".formatted(nameOf(delivered.recipientAgencyCode())), delivered.deliveredAt());
		}
	}

	@ApplicationModuleListener
	void on(InboxMessageRead read) {
		if (!CaseNotification.NOTIFICATION_SOURCE.equals(read.sourceType())) {
			return;
		}
		long notification = Long.parseLong(read.sourceId());
		jdbc.sql("""
				update case_notification set read_at = ?, read_by = ?, read_by_name = ?
				where id = ? and read_at is null""")
			.params(OffsetDateTime.ofInstant(read.readAt(), ZoneOffset.UTC), read.readerUsername(), read.readerName(),
					notification)
			.update();
		long caseId = caseOf(notification);
		// the registry may hand the same reading over again after a restart: record it once
		boolean recorded = jdbc.sql("""
				select count(*) from case_timeline
				where case_id = ? and kind = 'NOTIFICATION_READ' and actor = ? and occurred_at = ?""")
			.params(caseId, read.readerUsername(), OffsetDateTime.ofInstant(read.readAt(), ZoneOffset.UTC))
			.query(Integer.class)
			.single() > 0;
		if (!recorded) {
			Editor reader = new Editor(read.readerUsername(), read.readerName(), read.readerAgencyCode(),
					nameOf(read.readerAgencyCode()));
			timeline.append(caseId, reader, "NOTIFICATION_READ", "%s阅读了案件通报".formatted(reader.describe()),
					read.readAt());
		}
	}

	private String nameOf(String agencyCode) {
		return agencies.find(agencyCode).map(AgencySummary::name).orElse(agencyCode);
	}

	private long caseOf(long notification) {
		return jdbc.sql("select case_id from case_notification where id = ?").param(notification).query(Long.class)
			.single();
	}
}
