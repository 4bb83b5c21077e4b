package org.liandong.inbox;

import java.time.Instant;

/**
 * A message as the inbox stored it, for what carries it further than the inbox (issue 23).
 *
 * @param recipientUser blank when the message is to every person of the agency
 * @param senderAgencyCode the agency whose act it reports, where its module named one, else null
 */
public record StoredMessage(long id, String recipientAgencyCode, String recipientUser, String kind, String title,
		String link, Instant createdAt, String senderAgencyCode) {

	public boolean toWholeAgency() {
		return recipientUser == null || recipientUser.isBlank();
	}
}
