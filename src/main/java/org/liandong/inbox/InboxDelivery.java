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
 * @param senderAgencyCode the agency whose act the message reports, where the module names one (a
 *     bulletin's sender), so that it sees how the message reached people away from their desks (issue 23)
 */
public record InboxDelivery(String recipientAgencyCode, String recipientUser, String kind, String title, String body,
		String link, String sourceType, String sourceId, String senderAgencyCode) {

	/** A message whose sender the recipients' channels need not show to anyone but the city. */
	public InboxDelivery(String recipientAgencyCode, String recipientUser, String kind, String title, String body,
			String link, String sourceType, String sourceId) {
		this(recipientAgencyCode, recipientUser, kind, title, body, link, sourceType, sourceId, null);
	}
}
