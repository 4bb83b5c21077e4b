package org.liandong.sharing;

import java.time.Instant;
import java.util.List;

/** An experience exchange or a joint-enforcement notice, visible to every bureau (R6.2). */
public record Post(long id, String kind, String kindLabel, String title, String body, String agencyCode,
		String agencyName, String authorName, Instant postedAt, List<Attachment> attachments) {

	public record Attachment(long id, String fileName, long size, String sm3) {
	}
}
