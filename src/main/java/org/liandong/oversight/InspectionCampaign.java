package org.liandong.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A mutual inspection campaign (R2.6) with its assignment: who inspects whom. While proposed, the
 * city bureau may ask for another proposal; once confirmed the assignment is fixed and each
 * inspecting bureau records its inspection.
 *
 * @param note what the reader should know of the assignment, e.g. that two bureaus inspect each other
 * @param drawSeed the seed the assignment was drawn from ({@link #DRAW}); null for one drawn before it was kept
 */
public record InspectionCampaign(long id, String cityAgencyCode, String title, int year, String period, State state,
		String createdByName, Instant createdAt, String confirmedByName, Instant confirmedAt, long version, String note,
		List<Assignment> assignments, String drawSeed, String drawAlgorithm) {

	/** How an assignment is drawn (双随机, issue 22), so anyone can draw it again from the seed. */
	public static final String DRAW = org.liandong.platform.SeededDraw.ALGORITHM
			+ "参加单位按单位代码升序排列后洗牌，每个单位检查洗牌后的下一个单位，最后一个检查第一个。";

	/** One bureau's task; {@code inspectionId} once it has recorded the inspection. */
	public record Assignment(String inspectingAgencyCode, String inspectingAgencyName, String inspectedAgencyCode,
			String inspectedAgencyName, Long inspectionId) {

		public boolean recorded() {
			return inspectionId != null;
		}
	}

	public enum State {

		PROPOSED("方案待确认"),
		CONFIRMED("已确认，互查进行中");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public long recordedCount() {
		return assignments.stream().filter(Assignment::recorded).count();
	}
}
