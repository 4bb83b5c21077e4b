package org.liandong.meetings.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.liandong.meetings.ActionItem;
import org.liandong.meetings.Attendance;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings;
import org.liandong.meetings.NewMeeting;
import org.liandong.meetings.WorkNorm;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Joint meetings, their attendance, minutes and action items, and the work norms (R5).
 * <p>
 * The module's facade, its validation and its transactions (issue 25): each use case is a class of
 * its own ({@link MeetingConvening}, {@link MeetingReplies}, {@link Minutes}, {@link ActionItems},
 * {@link WorkNorms}, {@link MeetingAttendance}), running in the transaction begun here.
 */
@Service
@Validated
@Transactional
class MeetingService implements Meetings {

	private final MeetingRecords records;
	private final MeetingConvening convening;
	private final MeetingReplies replies;
	private final Minutes minutes;
	private final ActionItems actionItems;
	private final WorkNorms norms;
	private final MeetingAttendance attendance;

	MeetingService(MeetingRecords records, MeetingConvening convening, MeetingReplies replies, Minutes minutes,
			ActionItems actionItems, WorkNorms norms, MeetingAttendance attendance) {
		this.records = records;
		this.convening = convening;
		this.replies = replies;
		this.minutes = minutes;
		this.actionItems = actionItems;
		this.norms = norms;
		this.attendance = attendance;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Attendance> attendance(Collection<String> agencyCodes, Instant from, Instant until) {
		return attendance.of(agencyCodes, from, until);
	}

	@Override
	public MeetingView convene(NewMeeting n, SignedInUser office) {
		return convening.convene(n, office);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<MeetingView> list(SignedInUser reader, Pageable pageable) {
		return records.list(reader, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public MeetingView find(long id, SignedInUser reader) {
		return minutes.withSignOff(records.find(id, reader), reader);
	}

	@Override
	public MeetingView reply(long id, boolean attend, String attendee, String reason, SignedInUser member) {
		return replies.reply(id, attend, attendee, reason, member);
	}

	@Override
	public MeetingView recordMinutes(long id, String minutes, List<Decision> decisions, SignedInUser office) {
		return this.minutes.record(id, minutes, decisions, office);
	}

	@Override
	public MeetingView signOffMinutes(long id, SignedInUser leader) {
		return minutes.signOff(id, leader);
	}

	@Override
	public MeetingView sendBackMinutes(long id, String comments, SignedInUser leader) {
		return minutes.sendBack(id, comments, leader);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ActionItem> actionItems(boolean open, SignedInUser reader, Pageable pageable) {
		return actionItems.actionItems(open, reader, pageable);
	}

	@Override
	public ActionItem complete(long actionItemId, String evidence, SignedInUser owner) {
		return actionItems.complete(actionItemId, evidence, owner);
	}

	@Override
	@Transactional(readOnly = true)
	public RegularMeetingStatus regularStatus(SignedInUser reader) {
		return convening.regularStatus(reader);
	}

	RegularMeetingStatus regularStatus(String office) {
		return convening.regularStatus(office);
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkNorm> norms(SignedInUser reader) {
		return norms.norms(reader);
	}

	@Override
	@Transactional(readOnly = true)
	public WorkNorm norm(long id, SignedInUser reader) {
		return norms.norm(id, reader);
	}

	@Override
	public WorkNorm keepNorm(Long id, String title, String body, String note, SignedInUser office) {
		return norms.keep(id, title, body, note, office);
	}
}
