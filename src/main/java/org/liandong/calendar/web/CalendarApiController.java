package org.liandong.calendar.web;

import java.time.LocalDate;
import java.util.List;

import org.liandong.calendar.CalendarDay;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历")
class CalendarApiController {

	private static final String YEAR = "年份无效，请输入四位数年份，如 2026";

	private final WorkingCalendar calendar;

	CalendarApiController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "一年中的放假和调休上班日（其余按周一至周五上班）")
	List<CalendarDay> exceptions(@RequestParam(required = false) @Min(value = 1900, message = YEAR) @Max(value = 9999, message = YEAR)
			@Parameter(description = "四位数年份，缺省为今年", example = "2026") Integer year) {
		return calendar.exceptions(year == null ? LocalDate.now(ChineseTime.ZONE).getYear() : year);
	}

	@PutMapping("/{day}")
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "登记放假或调休上班日（系统管理员）")
	CalendarDay set(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestBody Entry entry) {
		return calendar.set(new WorkingCalendar.Exception(day, entry.kind(), entry.name()));
	}

	@DeleteMapping("/{day}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "取消一天的放假或调休登记（系统管理员）")
	void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		calendar.remove(day);
	}

	record Entry(CalendarDay.Kind kind, String name) {
	}
}
