package org.liandong.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.server.SystemLauncher;

/**
 * The AMQP 0-9-1 broker the event tests publish to (issue 20). By default Apache Qpid Broker-J runs
 * inside the test JVM on a free loopback port, with guest/guest and an in-memory store, so
 * {@code ./mvnw verify} needs nothing outside the JVM. With {@code -Dliandong.it.amqp=external}
 * (the PostgreSQL step of {@code .ci/run}) the tests use the real RabbitMQ at 127.0.0.1:5672.
 * Either can be stopped and started again on the same port ({@link #stop()}, {@link #start()}):
 * the embedded one is shut down and launched anew (its in-memory store starts empty), RabbitMQ's
 * application is stopped and started with {@code rabbitmqctl} (its durable exchanges stay).
 */
public final class AmqpBroker {

	private static final int RABBITMQ_PORT = 5672;

	private static Integer port;

	private static Path work;

	private static SystemLauncher embedded;

	private AmqpBroker() {
	}

	/** Whether the tests talk to the machine's RabbitMQ rather than the embedded broker. */
	public static boolean external() {
		return "external".equals(System.getProperty("liandong.it.amqp"));
	}

	/** The port of the broker, starting the embedded one on first use. */
	public static synchronized int port() {
		if (external()) {
			return RABBITMQ_PORT;
		}
		if (port == null) {
			port = freePort();
			try {
				work = Files.createTempDirectory("liandong-amqp-");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			launchEmbedded();
			Runtime.getRuntime().addShutdownHook(new Thread(AmqpBroker::shutDownEmbedded, "embedded-amqp-broker-stop"));
		}
		return port;
	}

	/** Stops the broker: connections to it are closed, new ones refused, until {@link #start()}. */
	public static synchronized void stop() {
		if (external()) {
			rabbitmqctl("stop_app");
			return;
		}
		port();
		shutDownEmbedded();
	}

	/** Starts the stopped broker again on the same port and waits until it takes connections. */
	public static synchronized void start() {
		if (external()) {
			rabbitmqctl("start_app");
			rabbitmqctl("await_startup");
			return;
		}
		if (embedded == null) {
			launchEmbedded();
		}
	}

	private static void launchEmbedded() {
		try {
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("type", "Memory");
			attributes.put("initialConfigurationLocation",
					Objects.requireNonNull(AmqpBroker.class.getResource("/amqp/embedded-broker.json")).toExternalForm());
			attributes.put("startupLoggedToSystemOut", false);
			attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir", work.toString(),
					"qpid.home_dir", work.toString()));
			SystemLauncher launcher = new SystemLauncher();
			launcher.startup(attributes);
			embedded = launcher;
		}
		catch (Exception e) {
			throw new IllegalStateException("the embedded AMQP broker did not start", e);
		}
	}

	private static synchronized void shutDownEmbedded() {
		if (embedded != null) {
			embedded.shutdown();
			embedded = null;
		}
	}

	private static void rabbitmqctl(String command) {
		try {
			Process process = new ProcessBuilder(List.of("rabbitmqctl", "-q", command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
