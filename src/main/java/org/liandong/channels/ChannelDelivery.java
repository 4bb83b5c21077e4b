package org.liandong.channels;

import java.time.Instant;

/**
 * One message to one person or group over one channel, and how its sending went (issue 23): each
 * attempt counted, the last failure kept, given up only after the configured number of attempts.
 *
 * @param recipientUser the person's user name, blank for a bureau's group robot
 * @param addressHint enough of the number or address to recognise it, never all of it
 */
public record ChannelDelivery(long id, long messageId, String title, MessageCategory category, Channel channel,
		String recipientAgencyCode, String recipientUser, String addressHint, Status status, int attempts,
		String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

	public enum Status {

		PENDING("待发送"), SENT("已发送"), GAVE_UP("已放弃");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
