package org.liandong.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.liandong.calendar.CalendarChanged;
import org.liandong.calendar.CalendarDay;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.calendar.WorkingDays;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The working calendar over the {@code calendar_day} exceptions. The exceptions (a few dozen days a
 * year) are held in memory ({@link ReferenceData}, issue 18): every deadline computed asks for them;
 * a change, here or on another instance, is seen within a second.
 */
@Service
@Validated
class CalendarService implements WorkingCalendar {

	/** No deadline in the mechanism is longer than this many working days; a bound against bad input. */
	private static final int MAX_DAYS = 366;

	private static final String REFERENCE = "calendar";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final ReferenceData referenceData;
	private final ReferenceData.Cached<Map<LocalDate, CalendarDay.Kind>> exceptions;

	CalendarService(JdbcClient jdbc, ApplicationEventPublisher events, ReferenceData referenceData) {
		this.jdbc = jdbc;
		this.events = events;
		this.referenceData = referenceData;
		this.exceptions = referenceData.cache(REFERENCE, this::load);
	}

	private Map<LocalDate, CalendarDay.Kind> load() {
		return Map.copyOf(jdbc.sql("select calendar_date, kind from calendar_day")
			.query((rs, n) -> Map.entry(rs.getObject("calendar_date", LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString("kind"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Override
	public boolean isWorkingDay(LocalDate day) {
		return isWorkingDay(day, exceptions.get());
	}

	@Override
	public Instant endOfWorkingDays(Instant from, int days) {
		if (days < 0 || days > MAX_DAYS) {
			throw DomainException.invalid("invalid-working-days", "工作日数应在 0 到 %d 之间".formatted(MAX_DAYS));
		}
		LocalDate day = from.atZone(ChineseTime.ZONE).toLocalDate();
		Map<LocalDate, CalendarDay.Kind> exceptions = this.exceptions.get();
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day, exceptions)) {
				counted++;
			}
		}
		return day.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	@Override
	public WorkingDays span(LocalDate first, LocalDate last) {
		if (last.isBefore(first) || last.toEpochDay() - first.toEpochDay() > 3 * 366) {
			throw new IllegalArgumentException("a span of at most three years, first before last");
		}
		Map<LocalDate, CalendarDay.Kind> exceptions = this.exceptions.get();
		return WorkingDays.of(first, last, day -> isWorkingDay(day, exceptions));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CalendarDay> exceptions(int year) {
		if (year < 1900 || year > 9999) {
			throw DomainException.invalid("invalid-year", "年份 %d 无效，请输入四位数年份，如 2026".formatted(year));
		}
		return jdbc.sql("select calendar_date, kind, name from calendar_day where calendar_date >= ? and calendar_date < ? order by calendar_date")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new CalendarDay(rs.getObject("calendar_date", LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name")))
			.list();
	}

	@Transactional
	@Override
	public CalendarDay set(Exception exception) {
		referenceData.changed(REFERENCE);
		boolean weekend = isWeekend(exception.day());
		if (exception.kind() == CalendarDay.Kind.HOLIDAY && weekend) {
			throw DomainException.invalid("holiday-on-weekend", "%s 是周末，本来就不上班，无需登记为放假".formatted(exception.day()));
		}
		if (exception.kind() == CalendarDay.Kind.WORKDAY && !weekend) {
			throw DomainException.invalid("workday-on-weekday", "%s 是工作日，只有周末才需要登记调休上班".formatted(exception.day()));
		}
		jdbc.sql("delete from calendar_day where calendar_date = ?").param(exception.day()).update();
		jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (?, ?, ?)")
			.params(exception.day(), exception.kind().name(), exception.name().trim())
			.update();
		events.publishEvent(new CalendarChanged(exception.day(),
				"将 %s 登记为%s（%s）".formatted(exception.day(), exception.kind().label(), exception.name().trim())));
		return new CalendarDay(exception.day(), exception.kind(), exception.name().trim());
	}

	@Transactional
	@Override
	public void remove(LocalDate day) {
		referenceData.changed(REFERENCE);
		if (jdbc.sql("delete from calendar_day where calendar_date = ?").param(day).update() == 0) {
			throw DomainException.notFound("unknown-calendar-day", "%s 没有登记放假或调休".formatted(day));
		}
		events.publishEvent(new CalendarChanged(day, "取消 %s 的放假或调休登记，恢复按周计算".formatted(day)));
	}

	private static boolean isWorkingDay(LocalDate day, Map<LocalDate, CalendarDay.Kind> exceptions) {
		CalendarDay.Kind exception = exceptions.get(day);
		return exception == null ? !isWeekend(day) : exception == CalendarDay.Kind.WORKDAY;
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
