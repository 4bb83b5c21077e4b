package org.liandong.assistance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.assistance.AssistanceScore;
import org.liandong.assistance.AssistanceScoreboard;
import org.liandong.assistance.RequestState;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.calendar.WorkingDays;
import org.liandong.platform.ChineseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the scoreboard from the requests themselves: one read of the year's requests sent to the
 * bureaus asked for, the working days counted on one read of the calendar.
 */
@Component
class ScoreboardQuery implements AssistanceScoreboard {

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final Clock clock;

	ScoreboardQuery(JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	private record Row(String agency, RequestState state, Instant sentAt, Instant acceptDueAt, Instant acceptedAt,
			Instant answerDueAt, Instant answeredAt, Integer timeliness, Integer quality) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssistanceScore> scores(int year, Collection<String> agencyCodes) {
		if (agencyCodes.isEmpty()) {
			return List.of();
		}
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChineseTime.ZONE).toInstant();
		List<Row> rows = jdbc.sql("""
				select assisting_agency, state, sent_at, accept_due_at, accepted_at, answer_due_at, answered_at,
				       rating_timeliness, rating_quality
				from assistance_request
				where sent_at >= :from and sent_at < :to and assisting_agency in (:agencies)""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("agencies", agencyCodes)
			.query((rs, n) -> new Row(rs.getString(1), RequestState.valueOf(rs.getString(2)), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
					instant(rs.getTimestamp(7)), (Integer) rs.getObject(8, Integer.class),
					(Integer) rs.getObject(9, Integer.class)))
			.list();
		Instant now = clock.instant();
		WorkingDays days = rows.stream().anyMatch(r -> r.answeredAt() != null)
				? calendar.span(LocalDate.of(year, 1, 1), lastAnswerDay(rows))
				: null;
		Map<String, Tally> tallies = new HashMap<>();
		for (Row r : rows) {
			tallies.computeIfAbsent(r.agency(), code -> new Tally()).add(r, now, days);
		}
		return agencyCodes.stream()
			.map(code -> tallies.containsKey(code) ? tallies.get(code).score(code) : AssistanceScore.none(code))
			.toList();
	}

	private static LocalDate lastAnswerDay(List<Row> rows) {
		return rows.stream()
			.map(Row::answeredAt)
			.filter(at -> at != null)
			.max(Instant::compareTo)
			.orElseThrow()
			.atZone(ChineseTime.ZONE)
			.toLocalDate();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	/** The counts of one bureau, as {@link AssistanceScore} defines them. */
	private static final class Tally {

		long received, acceptDecided, acceptedInTime, answered, answerWorkingDays, answerDecided, answeredInTime, rated,
				timelinessSum, qualitySum;

		void add(Row r, Instant now, WorkingDays days) {
			received++;
			boolean waitingToBeAccepted = r.state() == RequestState.SENT;
			if (r.acceptedAt() != null || (waitingToBeAccepted && r.acceptDueAt().isBefore(now))) {
				acceptDecided++;
				if (r.acceptedAt() != null && !r.acceptedAt().isAfter(r.acceptDueAt())) {
					acceptedInTime++;
				}
			}
			boolean waitingForAnswer = r.state() == RequestState.ACCEPTED
					|| r.state() == RequestState.SUPPLEMENT_REQUESTED;
			if (r.answeredAt() != null) {
				answered++;
				answerWorkingDays += days.between(r.sentAt(), r.answeredAt());
			}
			if (r.answeredAt() != null || (waitingForAnswer && r.answerDueAt().isBefore(now))) {
				answerDecided++;
				if (r.answeredAt() != null && !r.answeredAt().isAfter(r.answerDueAt())) {
					answeredInTime++;
				}
			}
			if (r.timeliness() != null) {
				rated++;
				timelinessSum += r.timeliness();
				qualitySum += r.quality();
			}
		}

		AssistanceScore score(String code) {
			return AssistanceScore.of(code, received, acceptDecided, acceptedInTime, answered, answerWorkingDays,
					answerDecided, answeredInTime, rated, timelinessSum, qualitySum);
		}
	}
}
