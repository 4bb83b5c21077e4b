package org.liandong.meetings;

/**
 * How a member bureau answered the joint meetings held in a period (R5.3, R8.2): the meetings it
 * was a member of, those it replied it would attend, and those it was absent from with a reason.
 * The rest it neither attended nor excused.
 */
public record Attendance(String agencyCode, int meetings, int present, int excused) {

	public int unexcused() {
		return meetings - present - excused;
	}
}
