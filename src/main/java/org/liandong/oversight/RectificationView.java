package org.liandong.oversight;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rectification item owed by the inspected bureau: an obligation of the ledger (subject type
 * {@code rectification}) until the bureau reports what it did.
 *
 * @param dueAt 24:00 of {@code dueOn}, Beijing time
 * @param overdue still open after its due instant
 */
public record RectificationView(long id, long inspectionId, String inspectionTitle, String item,
		String ownerAgencyCode, String ownerAgencyName, LocalDate dueOn, Instant dueAt, State state, String report,
		Instant reportedAt, String reportedByName, boolean overdue) {

	public enum State {

		OPEN("待整改"),
		DONE("已报告整改");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
