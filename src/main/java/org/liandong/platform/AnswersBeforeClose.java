package org.liandong.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The last step of a stop before the web server closes its connections (issue 24): every request
 * Tomcat is still working on is written out first. Spring Boot's graceful shutdown (the phase before
 * this one) waits while a servlet is in use or an asynchronous request is under way; Tomcat writes
 * what the application left in its buffer, the last chunk of a flushed answer and a redirect's headers
 * after the servlet is released, and the web server's stop (the phase after) would close the
 * connection in between. A worker thread of Tomcat's is busy from the start of a request's processing
 * until its answer is written to the socket, so this waits, at most {@link #MAX_WAIT}, until none is:
 * a few milliseconds after a graceful shutdown that found the server idle, the most after one that
 * gave up on a request still running.
 */
@Component
class AnswersBeforeClose implements SmartLifecycle {

	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(AnswersBeforeClose.class);

	private final ApplicationContext context;

	private volatile boolean running;

	AnswersBeforeClose(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void start() {
		running = true;
		// a pool of virtual threads (spring.threads.virtual.enabled) tells no count of busy workers
		connectors().map(Connector::getProtocolHandler)
			.filter(protocol -> protocol.getExecutor() != null && !(protocol.getExecutor() instanceof ThreadPoolExecutor))
			.forEach(protocol -> log.warn("A stop will not wait for answers being written by {}: its executor {} "
					+ "counts no busy workers", protocol, protocol.getExecutor()));
	}

	@Override
	public void stop() {
		running = false;
		long until = System.nanoTime() + MAX_WAIT.toNanos();
		int busy;
		while ((busy = busyWorkers()) > 0 && System.nanoTime() < until) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (busy > 0) {
			log.warn("{} request(s) still being answered after {}; the web server stops now", busy, MAX_WAIT);
		}
	}

	private int busyWorkers() {
		return connectors().map(Connector::getProtocolHandler)
			.mapToInt(protocol -> protocol.getExecutor() instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : 0)
			.sum();
	}

	private Stream<Connector> connectors() {
		WebServer server = context instanceof WebServerApplicationContext web ? web.getWebServer() : null;
		return server instanceof TomcatWebServer tomcat ? Arrays.stream(tomcat.getTomcat().getService().findConnectors())
				: Stream.empty();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the graceful shutdown, before the web server's stop. */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1;
	}

	/** A test context set aside is not shut down: nothing to wait for. */
	@Override
	public boolean isPauseable() {
		return false;
	}
}
