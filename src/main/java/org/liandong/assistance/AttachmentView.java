package org.liandong.assistance;

import java.time.Instant;

/**
 * A file attached to a request: {@code REQUEST} material from the requester or {@code EVIDENCE}
 * with an answer; {@code sm3} is the hex SM3 digest of its content, taken on upload.
 */
public record AttachmentView(long id, String purpose, String fileName, String contentType, long size, String sm3,
		Instant uploadedAt, String uploadedByName) {
}
