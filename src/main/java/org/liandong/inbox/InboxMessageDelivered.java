package org.liandong.inbox;

import java.time.Instant;

/** A delivery reached its recipient's inbox. */
public record InboxMessageDelivered(long messageId, String sourceType, String sourceId, String recipientAgencyCode,
		Instant deliveredAt) {
}
