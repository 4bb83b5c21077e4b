package org.liandong.inbox;

/**
 * A message to deliver to an agency's inbox (or to one of its people). A module publishes it in
 * the transaction of the change it reports, and the inbox stores the message in that transaction
 * (issue 18): it commits with the change, so a notification survives the application stopping right
 * after the commit (X4).
 *
 * @param recipientUser {@code null} or blank for every user of the agency
 * @param sourceType what the message is about, e.g. {@code case-notification}
 * @param sourceId the identifier of that thing in its module
 */
public record InboxDelivery(String recipientAgencyCode, String recipientUser, String kind, String title, String body,
		String link, String sourceType, String sourceId) {
}
