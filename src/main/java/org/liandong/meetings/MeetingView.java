package org.liandong.meetings;

import java.time.Instant;
import java.util.List;

/** A meeting with its members' replies, minutes and action items. */
public record MeetingView(long id, MeetingKind kind, String title, String agenda, String place, Instant startsAt,
		Instant replyDueAt, String state, String stateLabel, String officeAgencyCode, String convenedByName,
		Instant convenedAt, String minutes, String minutesNumber, Long minutesDocumentId, Instant heldAt, long version,
		List<Member> members, List<ActionItem> actionItems, String minutesSignedOffByName, Instant minutesSignedOffAt,
		MinutesSignOff minutesSignOff) {

	/**
	 * Where the office's minutes need the city leader's sign-off (issue 23): the draft as recorded, waiting
	 * (with the minutes as they would be issued) or sent back with the leader's comments. For the city bureau
	 * and its offices only; the members see nothing of the minutes before they are issued.
	 */
	public record MinutesSignOff(boolean awaiting, String minutes, List<Decision> decisions, String draftedByName,
			Instant draftedAt, String sentBackText, org.liandong.documents.LetterDraft draft) {
	}

	public MeetingView withMinutesSignOff(MinutesSignOff signOff) {
		return new MeetingView(id, kind, title, agenda, place, startsAt, replyDueAt, state, stateLabel, officeAgencyCode,
				convenedByName, convenedAt, minutes, minutesNumber, minutesDocumentId, heldAt, version, members, actionItems,
				minutesSignedOffByName, minutesSignedOffAt, signOff);
	}

	/** @param attendee who attends for the member (name and post), when its reply is to attend */
	public record Member(String agencyCode, String agencyName, String reply, String attendee, String reason,
			Instant repliedAt, String repliedByName, boolean overdue) {
	}
}
