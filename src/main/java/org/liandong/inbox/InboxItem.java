package org.liandong.inbox;

import java.time.Instant;

/** A message as its reader sees it. */
public record InboxItem(long id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean read() {
		return readAt != null;
	}
}
