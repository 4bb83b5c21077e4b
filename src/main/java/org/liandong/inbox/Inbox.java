package org.liandong.inbox;

import java.time.Instant;
import java.util.List;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Everyone's inbox (X4): what was delivered to their agency or to them, newest first, and what
 * they have not read yet. Modules deliver by publishing {@link InboxDelivery}.
 */
public interface Inbox {

	Page<InboxItem> messages(SignedInUser reader, boolean unreadOnly, Pageable pageable);

	long unreadCount(SignedInUser reader);

	/** Marks a message read by this person; the first reading is published as {@link InboxMessageRead}. */
	InboxItem markRead(long messageId, SignedInUser reader);

	/**
	 * Marks as handled the messages to this agency that lead to this page and arrived by then: the work
	 * they asked for is done (issue 21), so they no longer count as unread.
	 *
	 * @return how many messages were marked
	 */
	int markHandled(String agencyCode, String link, Instant at);

	/**
	 * The messages stored at or after {@code since}, oldest first, at most {@code limit} of them, for the
	 * channels that carry them to people away from their desks (issue 23).
	 */
	List<StoredMessage> storedSince(Instant since, int limit);
}
