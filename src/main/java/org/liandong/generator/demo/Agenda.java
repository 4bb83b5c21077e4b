package org.liandong.generator.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

import org.liandong.calendar.WorkingCalendar;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo year's actions in the order of their instants (issue 20). Each action is done by one
 * demo account at its instant: the demo clock shows that instant on this thread, the account is the
 * signed-in user, and the action runs in a transaction of its own, as a request would. An action may
 * plan the next ones (an answer after a request was sent); whatever falls after the real present is
 * left undone, so the newest work is still waiting, as it would be.
 */
final class Agenda {

	private static final Logger log = LoggerFactory.getLogger(Agenda.class);

	private record Step(Instant at, long order, String who, String what, Consumer<SignedInUser> act) {
	}

	private final PriorityQueue<Step> steps = new PriorityQueue<>(
			Comparator.comparing(Step::at).thenComparing(Step::order));
	private final WorkingCalendar calendar;
	private final Instant end;
	private final Random random = new Random(20);
	private long planned;
	private Instant current;
	private int done;
	private int failed;
	private int later;

	/** An agenda up to {@code end}, the real present less a moment. */
	Agenda(WorkingCalendar calendar, Instant end) {
		this.calendar = calendar;
		this.end = end;
	}

	/** Plans an action; at or after the present it is not done. */
	void at(Instant when, String who, String what, Consumer<SignedInUser> act) {
		Instant at = current != null && !when.isAfter(current) ? current.plusSeconds(60) : when;
		if (!at.isBefore(end)) {
			later++;
			return;
		}
		steps.add(new Step(at, planned++, who, what, act));
	}

	/** Does every planned action in the order of their instants. */
	void run(DemoClock clock, Cast cast, TransactionTemplate transactions) {
		while (!steps.isEmpty()) {
			Step step = steps.poll();
			current = step.at();
			SignedInUser user = cast.person(step.who());
			clock.moveTo(step.at());
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			try {
				transactions.executeWithoutResult(status -> step.act().accept(user));
				done++;
			}
			catch (RuntimeException refused) {
				// one refused action leaves its story short; the rest of the year goes on
				failed++;
				log.warn("演示数据：{}（{}，{}）未能完成：{}", step.what(), step.who(), ChineseTime.format(step.at()),
						refused.getMessage());
			}
			finally {
				SecurityContextHolder.clearContext();
				clock.release();
			}
		}
	}

	int done() {
		return done;
	}

	int failed() {
		return failed;
	}

	/** Actions planned for after the present, left to the people of the demo. */
	int later() {
		return later;
	}

	Instant end() {
		return end;
	}

	/** The instant of the action being done, or the end when none is. */
	Instant now() {
		return current != null ? current : end;
	}

	Random random() {
		return random;
	}

	/** The first month of the demo year: eleven months before the present one. */
	YearMonth firstMonth() {
		return YearMonth.from(end.atZone(ChineseTime.ZONE)).minusMonths(11);
	}

	/** The working day on or after {@code day} at the given Beijing time. */
	Instant workday(LocalDate day, int hour, int minute) {
		LocalDate d = day;
		while (!calendar.isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d.atTime(LocalTime.of(hour, minute)).atZone(ChineseTime.ZONE).toInstant();
	}

	/** Ten o'clock of the working day {@code workingDays} working days before the present's. */
	Instant workingDaysBefore(int workingDays) {
		LocalDate day = end.atZone(ChineseTime.ZONE).toLocalDate();
		int back = 0;
		while (back < workingDays) {
			day = day.minusDays(1);
			if (calendar.isWorkingDay(day)) {
				back++;
			}
		}
		return day.atTime(10, 0).atZone(ChineseTime.ZONE).toInstant();
	}

	/** A working day of the month, near its {@code dayOfMonth}, between 9:00 and 17:00. */
	Instant inMonth(YearMonth month, int dayOfMonth) {
		return workday(month.atDay(Math.min(dayOfMonth, month.lengthOfMonth())), 9 + random.nextInt(8),
				random.nextInt(60));
	}

	/** Some working hours after {@code from}: the next working days at office time. */
	Instant after(Instant from, int workingDays) {
		LocalDate day = from.atZone(ChineseTime.ZONE).toLocalDate();
		for (int i = 0; i < workingDays; i++) {
			day = day.plusDays(1);
			while (!calendar.isWorkingDay(day)) {
				day = day.plusDays(1);
			}
		}
		Instant at = workday(day, 9 + random.nextInt(8), random.nextInt(60));
		return at.isAfter(from) ? at : from.plus(Duration.ofMinutes(30 + random.nextInt(90)));
	}

	/**
	 * When a bureau does what it owes by {@code due}, opened at {@code opened}: in time as often as it
	 * is diligent, otherwise late, or (a third of those times) never; null for never.
	 */
	Instant response(Cast.Bureau bureau, Instant opened, Instant due) {
		double roll = random.nextDouble();
		if (roll < bureau.diligence()) {
			return inTime(opened, due);
		}
		if (roll < bureau.diligence() + (1 - bureau.diligence()) * 2 / 3) {
			return after(due, 1 + random.nextInt(5));
		}
		return null;
	}

	/** A moment between opening and deadline, in office time where there is room for it. */
	Instant inTime(Instant opened, Instant due) {
		int days = 0;
		Instant candidate = after(opened, 0);
		while (candidate.isBefore(due) && random.nextInt(3) > 0 && days < 6) {
			Instant next = after(opened, ++days);
			if (!next.isBefore(due)) {
				break;
			}
			candidate = next;
		}
		if (!candidate.isBefore(due)) {
			candidate = opened.plus(Duration.between(opened, due).dividedBy(2));
		}
		return candidate;
	}
}
