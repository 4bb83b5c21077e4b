package org.liandong.meetings.internal;

import java.time.Instant;

import org.liandong.meetings.MeetingObligationOverdue;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;

/**
 * What the joint meeting obliges an agency to do (R7.1): a member replies to a notice, an owner
 * agency completes an action item. The events that open and end an obligation for oversight's
 * ledger and its {@link MeetingObligationOverdue} are all made here, so that they name it alike.
 */
enum MeetingObligation {

	REPLY("meeting", "回复会议通知"),
	ACTION_ITEM("action-item", "办结会议议定事项");

	private final String subjectType;
	private final String words;

	MeetingObligation(String subjectType, String words) {
		this.subjectType = subjectType;
		this.words = words;
	}

	String subjectType() {
		return subjectType;
	}

	String words() {
		return words;
	}

	/** Both are met on the meeting's page: the reply form, the action items with their completion. */
	static String link(long meetingId) {
		return "/meetings/" + meetingId;
	}

	ObligationDue due(long subjectId, String subjectName, String owner, Instant dueAt, long meetingId) {
		return new ObligationDue(subjectType, subjectId, subjectName, words, owner, dueAt, link(meetingId));
	}

	ObligationSettled settled(long subjectId, String owner, Instant at, boolean met) {
		return new ObligationSettled(subjectType, subjectId, words, owner, at, met);
	}

	MeetingObligationOverdue missed(long subjectId, String subjectName, String owner, Instant dueAt) {
		return new MeetingObligationOverdue(subjectType, subjectId, subjectName, words, owner, dueAt);
	}
}
