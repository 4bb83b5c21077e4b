package org.liandong.credit;

import java.time.Instant;

/** A bulk screening of an uploaded list of subjects, with its progress (R4.3). */
public record Screening(long id, String fileName, String state, int total, int processed, int listed, int rejected,
		String problem, Instant startedAt, Instant finishedAt) {

	public int percent() {
		return total == 0 ? ("DONE".equals(state) ? 100 : 0) : (int) Math.min(100, processed * 100L / total);
	}
}
