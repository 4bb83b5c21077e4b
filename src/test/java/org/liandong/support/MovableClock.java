package org.liandong.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves forward by hand, for code that takes its time from an injected {@link Clock}. */
public final class MovableClock extends Clock {

	private volatile Instant now;

	public MovableClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration by) {
		now = now.plus(by);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("a movable clock keeps UTC");
	}
}
