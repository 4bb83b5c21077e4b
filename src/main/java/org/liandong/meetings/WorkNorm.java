package org.liandong.meetings;

import java.time.Instant;
import java.util.List;

/** A work norm of the mechanism kept by the office (R5.4), with every version. */
public record WorkNorm(long id, String title, int currentVersion, String body, List<Version> versions) {

	public record Version(int number, Instant changedAt, String changedByName, String note) {
	}
}
