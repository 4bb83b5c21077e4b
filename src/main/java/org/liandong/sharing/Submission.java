package org.liandong.sharing;

import java.time.Instant;

/** A submitted report; a second one for the same period is revision 2, and so on. */
public record Submission(long id, Long obligationId, String agencyCode, String title, String body, int revision,
		Instant submittedAt, String submittedByName) {
}
