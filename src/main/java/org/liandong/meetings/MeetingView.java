package org.liandong.meetings;

import java.time.Instant;
import java.util.List;

/** A meeting with its members' replies, minutes and action items. */
public record MeetingView(long id, MeetingKind kind, String title, String agenda, String place, Instant startsAt,
		Instant replyDueAt, String state, String stateLabel, String officeAgencyCode, String convenedByName,
		Instant convenedAt, String minutes, String minutesNumber, Long minutesDocumentId, Instant heldAt, long version,
		List<Member> members, List<ActionItem> actionItems) {

	/** @param attendee who attends for the member (name and post), when its reply is to attend */
	public record Member(String agencyCode, String agencyName, String reply, String attendee, String reason,
			Instant repliedAt, String repliedByName, boolean overdue) {
	}
}
