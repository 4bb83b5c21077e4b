package org.liandong.assistance;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What goes with a transition: the version seen (a stale one is refused with 409), a return
 * reason, the bureau a request is forwarded to ({@code forwardTo}, an agency code; the reason of a
 * forward is the {@code text}, issue 22), the text of an answer, a supplement request, a return or a withdrawal, and for a
 * supplement request optionally a new answer date, and with a confirmation the requester's rating of
 * the answer (timeliness and quality, 1 to 5, both or neither) for the bureaus' scoreboard.
 */
public record ActionInput(Long version, ReturnReason reason,
		@Size(max = 8000, message = "说明不能超过 8000 字") String text, LocalDate answerBy,
		@Min(value = 1, message = "及时性评分应为 1 至 5 分") @Max(value = 5, message = "及时性评分应为 1 至 5 分") Integer timeliness,
		@Min(value = 1, message = "质量评分应为 1 至 5 分") @Max(value = 5, message = "质量评分应为 1 至 5 分") Integer quality,
		@Size(max = 64, message = "转办单位代码不能超过 64 个字符") String forwardTo) {

	public static ActionInput of(Long version) {
		return new ActionInput(version, null, null, null, null, null, null);
	}

	/** A transition with a rating, forwarding nowhere. */
	public ActionInput(Long version, ReturnReason reason, String text, LocalDate answerBy, Integer timeliness,
			Integer quality) {
		this(version, reason, text, answerBy, timeliness, quality, null);
	}

	/** A forward to another bureau with the reason why (issue 22). */
	public static ActionInput forward(Long version, String forwardTo, String reason) {
		return new ActionInput(version, null, reason, null, null, null, forwardTo);
	}

	/** A transition without a rating. */
	public ActionInput(Long version, ReturnReason reason, String text, LocalDate answerBy) {
		this(version, reason, text, answerBy, null, null, null);
	}
}
