package org.liandong.meetings;

import java.time.Instant;

/** A decision of a meeting as an obligation of its owner agency, tracked to completion with evidence. */
public record ActionItem(long id, long meetingId, String meetingTitle, String decision, String ownerAgencyCode,
		String ownerAgencyName, Instant dueAt, String state, String evidence, Instant completedAt,
		String completedByName, boolean overdue) {
}
