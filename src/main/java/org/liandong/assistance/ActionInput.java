package org.liandong.assistance;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What goes with a transition: the version seen (a stale one is refused with 409), a return
 * reason, the text of an answer, a supplement request, a return or a withdrawal, and for a
 * supplement request optionally a new answer date, and with a confirmation the requester's rating of
 * the answer (timeliness and quality, 1 to 5, both or neither) for the bureaus' scoreboard.
 */
public record ActionInput(Long version, ReturnReason reason,
		@Size(max = 8000, message = "说明不能超过 8000 字") String text, LocalDate answerBy,
		@Min(value = 1, message = "及时性评分应为 1 至 5 分") @Max(value = 5, message = "及时性评分应为 1 至 5 分") Integer timeliness,
		@Min(value = 1, message = "质量评分应为 1 至 5 分") @Max(value = 5, message = "质量评分应为 1 至 5 分") Integer quality) {

	public static ActionInput of(Long version) {
		return new ActionInput(version, null, null, null, null, null);
	}

	/** A transition without a rating. */
	public ActionInput(Long version, ReturnReason reason, String text, LocalDate answerBy) {
		this(version, reason, text, answerBy, null, null);
	}
}
