package org.liandong.assistance;

import java.util.Collection;
import java.util.List;

/**
 * The assistance scoreboard (issue 21, after IMI's): for each bureau as the assisting party, how
 * many requests it received in a year, the share accepted within the acceptance period, the
 * average working days to answer, the share answered by the agreed date and the requesters'
 * ratings of its answers.
 */
public interface AssistanceScoreboard {

	/** One score per bureau asked for, in the order given; a bureau that received nothing has a zero score. */
	List<AssistanceScore> scores(int year, Collection<String> agencyCodes);
}
