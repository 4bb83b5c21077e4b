package org.liandong.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.qpid.server.SystemLauncher;

/**
 * The AMQP 0-9-1 broker the event tests publish to (issue 20). By default Apache Qpid Broker-J runs
 * inside the test JVM on a free loopback port, with guest/guest and an in-memory store, so
 * {@code ./mvnw verify} needs nothing outside the JVM. With {@code -Dliandong.it.amqp=external}
 * (the PostgreSQL step of {@code .ci/run}) the tests use the real RabbitMQ at 127.0.0.1:5672.
 */
public final class AmqpBroker {

	private static final int RABBITMQ_PORT = 5672;

	private static Integer port;

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
			port = startEmbedded();
		}
		return port;
	}

	private static int startEmbedded() {
		int free = freePort();
		try {
			Path work = Files.createTempDirectory("liandong-amqp-");
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("type", "Memory");
			attributes.put("initialConfigurationLocation",
					Objects.requireNonNull(AmqpBroker.class.getResource("/amqp/embedded-broker.json")).toExternalForm());
			attributes.put("startupLoggedToSystemOut", false);
			attributes.put("context", Map.of("qpid.amqp_port", String.valueOf(free), "qpid.work_dir", work.toString(),
					"qpid.home_dir", work.toString()));
			SystemLauncher launcher = new SystemLauncher();
			launcher.startup(attributes);
			Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "embedded-amqp-broker-stop"));
			return free;
		}
		catch (Exception e) {
			throw new IllegalStateException("the embedded AMQP broker did not start", e);
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
