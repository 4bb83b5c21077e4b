package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.AmqpBroker;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
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
 * 20). No broker is a failure here, not a skip. A message's id is the id of the event's publication
 * in Spring Modulith's registry, the same each time it is sent (issue 19).
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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	AbstractConnectionFactory rabbitConnections;

	private Connection connection;
	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	record Received(String routingKey, AMQP.BasicProperties properties, JsonNode body) {
	}

	@BeforeEach
	void bindQueue() throws Exception {
		received.clear();
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(AmqpBroker.port());
		factory.setUsername("guest");
		factory.setPassword("guest");
		factory.setConnectionTimeout(5000);
		// a stopped broker ends this receiver; after a restart the test binds a queue anew
		factory.setAutomaticRecoveryEnabled(false);
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
		if (connection.isOpen()) {
			connection.close();
		}
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

	/**
	 * Issue 19: case notifications made while the broker is down are sent once it is back, each under
	 * the id of its publication in the registry. Sent again, as by an instance that died after the
	 * broker took the messages but before it marked their publications complete, each message carries
	 * the same id, so a receiver that drops the ids it has seen keeps every event once.
	 */
	@Test
	void events_made_while_the_broker_is_down_arrive_when_it_is_back_under_their_publication_ids() throws Exception {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		List<String> numbers = new ArrayList<>();
		List<Long> caseIds = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			JsonNode kase = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY");
			numbers.add(kase.path("number").asString());
			caseIds.add(kase.path("id").asLong());
		}
		AtomicInteger refused = new AtomicInteger();
		ConnectionListener refusals = new ConnectionListener() {
			@Override
			public void onCreate(org.springframework.amqp.rabbit.connection.Connection created) {
			}

			@Override
			public void onFailed(Exception noBroker) {
				refused.incrementAndGet();
			}
		};
		Map<String, UUID> publications = new LinkedHashMap<>();
		rabbitConnections.addConnectionListener(refusals);
		AmqpBroker.stop();
		try {
			for (long caseId : caseIds) {
				Reply sent = xinhua.post("/api/v1/cases/" + caseId + "/notifications", "{\"recipientCodes\": [\"410403\"]}");
				assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			}
			// each sending found no broker: the notifications are committed, their messages wait in the registry
			await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() >= numbers.size());
			for (String number : numbers) {
				publications.put(number, jdbc.sql("""
						select id from event_publication
						where listener_id like '%DelegatingEventExternalizer%' and completion_date is null
						and serialized_event like ?""")
					.param("%\"number\":\"" + number + "\"%")
					.query(UUID.class)
					.single());
			}
		}
		finally {
			rabbitConnections.removeConnectionListener(refusals);
			AmqpBroker.start();
		}

		// the broker is back; a receiver binds its queue again, and the registry hands the events over again
		bindQueue();
		incomplete.resubmitIncompletePublications(publication -> publications.containsValue(publication.getIdentifier()));
		List<Received> messages = new ArrayList<>(take("case.notified", numbers, numbers.size()));
		for (Received message : messages) {
			String number = message.body().path("number").asString();
			assertThat(message.properties().getMessageId()).as("the id of the publication of %s", number)
				.isEqualTo(publications.get(number).toString());
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> completed(publications.values()) == numbers.size());

		// the state an instance leaves that died after the broker's confirmation, before marking the publications complete
		jdbc.sql("update event_publication set completion_date = null where id in (:ids)")
			.param("ids", publications.values())
			.update();
		incomplete.resubmitIncompletePublications(publication -> publications.containsValue(publication.getIdentifier()));
		messages.addAll(take("case.notified", numbers, numbers.size()));

		List<String> ids = messages.stream().map(message -> message.properties().getMessageId()).toList();
		assertThat(messages.stream().map(message -> message.body().path("number").asString()))
			.as("every event sent twice").hasSize(2 * numbers.size()).containsOnlyElementsOf(numbers);
		assertThat(ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting())).values())
			.as("a redelivery carries the same id").containsOnly(2L);
		assertThat(new LinkedHashSet<>(ids)).as("deduplicated by id: each event once, under its publication's id")
			.containsExactlyInAnyOrderElementsOf(publications.values().stream().map(UUID::toString).toList());
	}

	/** The next {@code count} messages under this routing key about these numbers, in the order they came; others are passed over. */
	private List<Received> take(String routingKey, Collection<String> numbers, int count) throws InterruptedException {
		List<Received> taken = new ArrayList<>();
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (taken.size() < count && Instant.now().isBefore(until)) {
			Received message = received.poll(500, TimeUnit.MILLISECONDS);
			if (message != null && message.routingKey().equals(routingKey)
					&& numbers.contains(message.body().path("number").asString())) {
				taken.add(message);
			}
		}
		assertThat(taken).as("messages %s about %s within 20 s", routingKey, numbers).hasSize(count);
		return taken;
	}

	private long completed(Collection<UUID> publications) {
		return jdbc.sql("select count(*) from event_publication where id in (:ids) and completion_date is not null")
			.param("ids", publications)
			.query(Long.class)
			.single();
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
