package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.AmqpBroker;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events outward (issue 10): a system of another department binds its queue to the exchange
 * liandong.events and receives, as JSON, the case notifications and assistance request moves done
 * over the API. The broker is a real AMQP 0-9-1 server: the embedded Qpid Broker-J in the README's
 * test command, the machine's RabbitMQ in the PostgreSQL step of .ci/run ({@link AmqpBroker}, issue
 * 20). No broker is a failure here, not a skip.
 */
@LiandongIntegrationTest
@TestPropertySource(properties = { "spring.modulith.events.externalization.enabled=true",
		"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest" })
class EventsOutwardIT {

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry properties) {
		properties.add("spring.rabbitmq.port", AmqpBroker::port);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private Connection connection;
	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	record Received(String routingKey, AMQP.BasicProperties properties, JsonNode body) {
	}

	@BeforeEach
	void bindQueue() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(AmqpBroker.port());
		factory.setUsername("guest");
		factory.setPassword("guest");
		factory.setConnectionTimeout(5000);
		connection = factory.newConnection("liandong-events-outward-it");
		Channel channel = connection.createChannel();
		// the same declaration as the application's, so either may come first
		channel.exchangeDeclare("liandong.events", "topic", true);
		String queue = channel.queueDeclare().getQueue();
		channel.queueBind(queue, "liandong.events", "case.notified");
		channel.queueBind(queue, "liandong.events", "assistance.request.*");
		channel.basicConsume(queue, true, (tag, delivery) -> received.add(new Received(
				delivery.getEnvelope().getRoutingKey(), delivery.getProperties(),
				JSON.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8)))), tag -> {
				});
	}

	@AfterEach
	void close() throws Exception {
		connection.close();
	}

	@Test
	void a_case_notification_reaches_a_bound_queue_as_json() throws Exception {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
		Reply sent = xinhua.post("/api/v1/cases/" + kase.path("id").asLong() + "/notifications",
				"{\"recipientCodes\": [\"410403\", \"410404\"]}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);

		Received message = next("case.notified", kase.path("number").asString());
		assertThat(message.properties().getContentType()).isEqualTo("application/json");
		assertThat(message.properties().getHeaders().get("liandong-event-type")).hasToString("CaseNotified");
		assertThat(message.body().path("caseId").asLong()).isEqualTo(kase.path("id").asLong());
		assertThat(message.body().path("fromAgencyCode").asString()).isEqualTo("410402");
		assertThat(message.body().path("recipientCodes").valueStream().map(JsonNode::asString))
			.containsExactly("410403", "410404");
	}

	@Test
	void each_move_of_an_assistance_request_is_sent_under_its_own_routing_key() throws Exception {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		long id = Fixtures.draftRequest(xinhua, "410403").path("id").asLong();
		Reply send = xinhua.post("/api/v1/assistance-requests/" + id + "/send", "{}");
		assertThat(send.status()).as(send.body()).isEqualTo(200);
		String number = send.json().path("number").asString();
		Reply accept = weidong.post("/api/v1/assistance-requests/" + id + "/accept", "{}");
		assertThat(accept.status()).as(accept.body()).isEqualTo(200);

		Received sentMessage = next("assistance.request.send", number);
		assertThat(sentMessage.body().path("requestId").asLong()).isEqualTo(id);
		assertThat(sentMessage.body().path("from").asString()).isEqualTo("DRAFT");
		assertThat(sentMessage.body().path("to").asString()).isEqualTo("SENT");
		assertThat(sentMessage.body().path("requesterAgencyCode").asString()).isEqualTo("410402");
		assertThat(sentMessage.body().path("assistingAgencyCode").asString()).isEqualTo("410403");
		Received accepted = next("assistance.request.accept", number);
		assertThat(accepted.body().path("to").asString()).isEqualTo("ACCEPTED");
	}

	/** The next message under this routing key about this number; others (earlier tests, other keys) are passed over. */
	private Received next(String routingKey, String number) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(until)) {
			Received message = received.poll(500, TimeUnit.MILLISECONDS);
			if (message != null && message.routingKey().equals(routingKey)
					&& message.body().path("number").asString().equals(number)) {
				return message;
			}
		}
		throw new AssertionError("no message " + routingKey + " about " + number + " within 20 s");
	}
}
