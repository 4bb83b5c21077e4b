package org.liandong.platform.web;

import java.time.Instant;

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
}
