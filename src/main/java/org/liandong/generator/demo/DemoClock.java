package org.liandong.generator.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock (issue 20): the system time, except on a thread that was told another instant.
 * The demo year sets the instant of each of its actions on its own thread, so every module that
 * takes "now" from the injected clock dates the action then: letters, deadlines, obligations,
 * histories. Work done on other threads at the same time (the inbox deliveries after commit)
 * keeps the real time.
 */
final class DemoClock extends Clock {

	private final ThreadLocal<Instant> moved;
	private final ZoneId zone;

	DemoClock() {
		this(new ThreadLocal<>(), ZoneOffset.UTC);
	}

	private DemoClock(ThreadLocal<Instant> moved, ZoneId zone) {
		this.moved = moved;
		this.zone = zone;
	}

	/** From now on, on this thread, the time is {@code instant}. */
	void moveTo(Instant instant) {
		moved.set(instant);
	}

	/** This thread reads the system time again. */
	void release() {
		moved.remove();
	}

	@Override
	public Instant instant() {
		Instant instant = moved.get();
		return instant != null ? instant : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same clock, moved on the same threads, in another zone. */
	@Override
	public Clock withZone(ZoneId other) {
		return other.equals(zone) ? this : new DemoClock(moved, other);
	}
}
