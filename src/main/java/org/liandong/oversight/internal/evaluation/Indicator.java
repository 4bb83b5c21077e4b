package org.liandong.oversight.internal.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measured indicators of the year-end evaluation (R8.2) and the ledger records each one counts.
 * An obligation indicator earns its weight times the share of the counted obligations that were
 * met on time (or, for completion, met at all); inspections earn the weight times the average
 * score. An indicator with nothing to count earns nothing and loses nothing: it is left out of the
 * bureau's score (无可考评事项), which is taken over the weights of what was measured.
 */
enum Indicator {

	ASSISTANCE_TIMELINESS("assistance-timeliness", "协查按期受理与答复", List.of("assistance-request"), null, true),
	ASSISTANCE_COMPLETION("assistance-completion", "协查答复完成", List.of("assistance-request"), "答复协查请求", false),
	DESIGNATION("designation", "指定管辖与督办事项落实", List.of("designation", "dispatch"), null, true),
	REPORTS("reports", "信息报送完整及时", List.of("report"), null, true),
	MEETINGS("meetings", "联席会议回复与议定事项办结", List.of("meeting", "action-item"), null, true),
	/** R5.3: present counts fully, absent with a reason half, neither nothing (各成员单位要积极参加). */
	ATTENDANCE("attendance", "联席会议出席（请假计半）", List.of(), null, false),
	BULLETINS("bulletins", "快报按时签收", List.of("bulletin"), null, true),
	RECTIFICATION("rectification", "检查问题按期整改", List.of("rectification"), null, true),
	/**
	 * Issue 22 (N1): taking part in joint operations — confirming participation before the start, inspecting the
	 * team's targets by its last day, the organiser's summary within five days of the end.
	 */
	JOINT_OPERATIONS("joint-operations", "联合执法按期参与",
			List.of("joint-operation", "joint-operation-team", "joint-operation-summary"), null, true),
	INSPECTIONS("inspections", "督查与交叉检查得分", List.of(), null, false);

	private final String key;
	private final String label;
	private final List<String> subjectTypes;
	private final String obligation;
	private final boolean onTime;

	Indicator(String key, String label, List<String> subjectTypes, String obligation, boolean onTime) {
		this.key = key;
		this.label = label;
		this.subjectTypes = subjectTypes;
		this.obligation = obligation;
		this.onTime = onTime;
	}

	String key() {
		return key;
	}

	String label() {
		return label;
	}

	List<String> subjectTypes() {
		return subjectTypes;
	}

	/** The words of the one obligation counted, or null for every obligation of the subject types. */
	String obligation() {
		return obligation;
	}

	/** Whether only obligations met on time count as achieved (otherwise met at all). */
	boolean onTime() {
		return onTime;
	}

	boolean counts(String subjectType, String words) {
		return subjectTypes.contains(subjectType) && (obligation == null || obligation.equals(words));
	}

	static Optional<Indicator> byKey(String key) {
		return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
	}
}
