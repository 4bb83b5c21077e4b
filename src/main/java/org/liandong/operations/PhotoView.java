package org.liandong.operations;

import java.time.Instant;

/** A stored photo of a hazard: its SM3 digest, taken on upload, lets anyone check a download. */
public record PhotoView(long id, long hazardId, String fileName, String contentType, long size, String sm3,
		Instant uploadedAt, String uploadedByName) {
}
