package org.liandong.meetings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/**
 * The joint meeting (R5): the office (the city enforcement detachment) convenes regular and ad hoc
 * meetings of the county bureaus, each member replies, the office records the minutes (a formal
 * document) and the decisions, which become action items of their owner agencies; the office also
 * keeps the mechanism's work norms (R5.4).
 */
public interface Meetings {

	MeetingView convene(@Valid NewMeeting meeting, SignedInUser office);

	Page<MeetingView> list(SignedInUser reader, Pageable pageable);

	MeetingView find(long id, SignedInUser reader);

	/**
	 * A member's reply: attending, naming who will attend, or absent with a reason; may be changed until
	 * the meeting starts.
	 */
	MeetingView reply(long id, boolean attend, String attendee, String reason, SignedInUser member);

	/**
	 * The office records the minutes: issued at once, or, where its minutes need a sign-off (issue 23),
	 * waiting for a leader of the city bureau, unseen by the members and giving no action item yet.
	 */
	MeetingView recordMinutes(long id, String minutes, List<@Valid Decision> decisions, SignedInUser office);

	/** A leader of the city bureau signs the minutes off: numbered, sealed, action items given, by this act. */
	MeetingView signOffMinutes(long id, SignedInUser leader);

	/** A leader of the city bureau sends the minutes back to the office with comments. */
	MeetingView sendBackMinutes(long id, String comments, SignedInUser leader);

	Page<ActionItem> actionItems(boolean open, SignedInUser reader, Pageable pageable);

	ActionItem complete(long actionItemId, String evidence, SignedInUser owner);

	/** When the last regular meeting began, and whether a half year has passed since (the office's warning). */
	RegularMeetingStatus regularStatus(SignedInUser reader);

	/**
	 * How each of the given member bureaus answered the meetings that began from {@code from} up to,
	 * not including, {@code until} and were not cancelled (R5.3), for the year-end evaluation (R8.2);
	 * a bureau with no meeting is absent from the answer.
	 */
	Map<String, Attendance> attendance(Collection<String> agencyCodes, Instant from, Instant until);

	List<WorkNorm> norms(SignedInUser reader);

	WorkNorm norm(long id, SignedInUser reader);

	WorkNorm keepNorm(Long id, String title, String body, String note, SignedInUser office);

	record RegularMeetingStatus(java.time.Instant lastRegularAt, boolean overdue, String message) {
	}
}
