package org.liandong.credit;

import java.time.Instant;

/**
 * A bulk screening of an uploaded list of subjects, with its progress (R4.3).
 *
 * @param review rows whose code is not listed while their name is that of a listed subject under
 *        another code: for a person to look at, not passed as clean (issue 21)
 */
public record Screening(long id, String fileName, String state, int total, int processed, int listed, int rejected,
		int review, String problem, Instant startedAt, Instant finishedAt) {

	public int percent() {
		return total == 0 ? ("DONE".equals(state) ? 100 : 0) : (int) Math.min(100, processed * 100L / total);
	}
}
