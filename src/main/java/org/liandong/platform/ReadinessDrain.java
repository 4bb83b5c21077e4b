package org.liandong.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop (issue 24). Spring Boot turns readiness to REFUSING_TRAFFIC before any
 * component stops ({@code /actuator/health/readiness} answers 503 OUT_OF_SERVICE); this keeps the
 * instance serving for {@code liandong.shutdown.readiness-drain} more, so a load balancer polling
 * readiness sends no one new before the graceful shutdown of the web server (a later phase) refuses
 * new connections and waits for the requests in flight. Zero, the default, goes straight on.
 */
@Component
class ReadinessDrain implements SmartLifecycle {

	private final Duration drain;

	private volatile boolean running;

	ReadinessDrain(@Value("${liandong.shutdown.readiness-drain:0s}") Duration drain) {
		this.drain = drain;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		sleep();
	}

	/** Beside the scheduler's wait for its running jobs (same phase), not before it. */
	@Override
	public void stop(Runnable callback) {
		running = false;
		if (drain.isZero() || drain.isNegative()) {
			callback.run();
			return;
		}
		Thread draining = new Thread(() -> {
			try {
				sleep();
			}
			finally {
				callback.run();
			}
		}, "readiness-drain");
		draining.setDaemon(true);
		draining.start();
	}

	private void sleep() {
		try {
			Thread.sleep(Math.max(0, drain.toMillis()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** A test context set aside is not shut down: nothing to drain. */
	@Override
	public boolean isPauseable() {
		return false;
	}
}
