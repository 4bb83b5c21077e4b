package org.liandong.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.liandong.platform.ChineseTime;
import org.springframework.stereotype.Component;

/** Beijing-time formatting for templates, as {@code @time.format(instant)}. */
@Component("time")
public class TimeDisplay {

	public String format(Instant instant) {
		return ChineseTime.format(instant);
	}

	public String precise(Instant instant) {
		return ChineseTime.formatPrecise(instant);
	}

	/** The time left until a deadline, or how long ago it passed: "剩余 1 天 3 小时", "已逾期 2 小时". */
	public String countdown(Instant due) {
		if (due == null) {
			return "";
		}
		return ChineseTime.countdown(Instant.now(), due);
	}

	/** The day alone (2029年11月26日), for periods measured in days and years. */
	public String date(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ChineseTime.ZONE).format(instant);
	}

	public boolean passed(Instant due) {
		return due != null && due.isBefore(Instant.now());
	}
}
