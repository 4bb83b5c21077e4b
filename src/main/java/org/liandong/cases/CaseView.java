package org.liandong.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as one reader may see it (X2). {@code access} is {@code FULL} for the agencies on the
 * case and the city bureau, {@code SUMMARY} for a bureau that was only notified of it: then the
 * timeline, notifications and participants are empty.
 */
public record CaseView(long id, String number, CaseStatus status, Severity severity, Party party,
		SupervisionLevel supervisionLevel, String divisionCode, String divisionName, String violationType,
		String summary, LocalDate occurredOn, String hostAgencyCode, String hostAgencyName,
		String proposedHostAgencyCode, String hostOverrideReason, String registeringAgencyCode, Instant registeredAt,
		String lastChangedByName, Instant lastChangedAt, long version, Access access, List<Participant> participants,
		List<TimelineEntry> timeline, List<NotificationView> notifications, List<DocumentLink> documents) {

	public enum Access {
		FULL, SUMMARY
	}

	public record Participant(String agencyCode, String agencyName, ParticipantRole role) {
	}

	/** A formal document about the case the reader may open: the notifications' 案件通报. */
	public record DocumentLink(long id, String number, String title, Instant issuedAt) {
	}

	public record TimelineEntry(Instant at, String actorName, String actorAgency, String kind, String detail) {
	}

	/** A notification and how far it got: sent, delivered to the inbox, read (by whom, when). */
	public record NotificationView(long id, String toAgencyCode, String toAgencyName, String message, Instant sentAt,
			String sentByName, Instant deliveredAt, Instant readAt, String readByName) {
	}
}
