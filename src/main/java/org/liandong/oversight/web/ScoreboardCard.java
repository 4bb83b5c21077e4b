package org.liandong.oversight.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.liandong.assistance.AssistanceScoreboard;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The assistance scoreboard's card, shown on the dashboard and beside the evaluation (issue 21). */
@Component
class ScoreboardCard {

	private final AssistanceScoreboard scoreboard;

	ScoreboardCard(AssistanceScoreboard scoreboard) {
		this.scoreboard = scoreboard;
	}

	/** The scores of the year for the bureaus shown on the page, by code with their names, in order. */
	void addTo(Model model, int year, Map<String, String> bureaus) {
		model.addAttribute("scores", scoreboard.scores(year, bureaus.keySet()));
		model.addAttribute("scoreNames", new LinkedHashMap<>(bureaus));
		model.addAttribute("scoreYear", year);
	}
}
