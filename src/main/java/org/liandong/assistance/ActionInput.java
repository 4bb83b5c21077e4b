package org.liandong.assistance;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * What goes with a transition: the version seen (a stale one is refused with 409), a return
 * reason, the text of an answer, a supplement request, a return or a withdrawal, and for a
 * supplement request optionally a new answer date.
 */
public record ActionInput(Long version, ReturnReason reason,
		@Size(max = 8000, message = "说明不能超过 8000 字") String text, LocalDate answerBy) {

	public static ActionInput of(Long version) {
		return new ActionInput(version, null, null, null);
	}
}
