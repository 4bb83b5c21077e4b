package org.liandong.inbox;

import java.time.Instant;

/**
 * A message as its reader sees it.
 *
 * @param handledAt when the work the message asked for was done, by anyone of the agency; {@code null} while
 *     it is not, or when the message asked for nothing
 */
public record InboxItem(long id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt, Instant handledAt) {

	public boolean read() {
		return readAt != null;
	}

	public boolean handled() {
		return handledAt != null;
	}

	/** What still wants the reader's attention: neither read nor handled. */
	public boolean unread() {
		return !read() && !handled();
	}
}
