package org.liandong.sharing;

import java.time.Instant;

/** A bulletin a bureau has not acknowledged yet (R6.3), as every open page of its people shows it (issue 23). */
public record AwaitedBulletin(long id, String agencyCode, String title, String senderAgencyName, Instant sentAt,
		Instant ackDueAt) {
}
