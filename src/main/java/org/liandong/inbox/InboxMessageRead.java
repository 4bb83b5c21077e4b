package org.liandong.inbox;

import java.time.Instant;

import org.liandong.audit.AuditableEvent;

/** A person opened a message for the first time. */
public record InboxMessageRead(long messageId, String sourceType, String sourceId, String readerUsername,
		String readerName, String readerAgencyCode, Instant readAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "INBOX_READ";
	}

	@Override
	public String auditObjectType() {
		return "inbox-message";
	}

	@Override
	public String auditObjectId() {
		return Long.toString(messageId);
	}

	@Override
	public String auditDetail() {
		return "阅读消息（%s %s）".formatted(sourceType, sourceId);
	}
}
