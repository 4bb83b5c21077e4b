package org.liandong.platform.messaging;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Events outward (issue 10): the domain events marked {@code @Externalized("liandong.events::<key>")}
 * are sent as JSON to the RabbitMQ topic exchange {@value #EXCHANGE}, after their transaction
 * commits, through Spring Modulith's event publication registry: a send that fails leaves the
 * publication incomplete and it is sent again (at least once). The broker confirms each message
 * before the publication counts as done. Off unless
 * {@code spring.modulith.events.externalization.enabled=true}; when off nothing connects to a broker.
 * <p>
 * Each message's id is the id of the event's publication in the registry (issue 19), the same on
 * every send of it, so a receiver drops a message whose id it has seen: a send whose confirmation
 * was lost, or one repeated by an instance that died before it marked the publication complete.
 * <p>
 * Spring Modulith's own AMQP module of the 2.x line is not published on Maven Central; this is its
 * part, on Spring AMQP's RabbitTemplate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
class RabbitExternalization {

	static final String EXCHANGE = "liandong.events";

	/** Header naming the event's type (the record's simple name), for consumers that route on it. */
	static final String EVENT_TYPE_HEADER = "liandong-event-type";

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	/** Declared on the first connection, so a message is never sent to an exchange that does not exist. */
	@Bean
	TopicExchange liandongEventsExchange() {
		return new TopicExchange(EXCHANGE, true, false);
	}

	@Bean
	DelegatingEventExternalizer rabbitEventExternalizer(EventExternalizationConfiguration configuration,
			RabbitTemplate rabbit, JsonMapper json, BeanFactory beans, EventPublicationRepository publications) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		context.setBeanResolver(new BeanFactoryResolver(beans));
		PublicationTargetIdentifier externalizer = PublicationTargetIdentifier.of(externalizerListenerId());
		return new DelegatingEventExternalizer(configuration, (target, event) -> {
			BrokerRouting routing = BrokerRouting.of(target, context);
			String body = json.writeValueAsString(event);
			Optional<? extends EventPublication> publication = publications
				.findIncompletePublicationsByEventAndTargetIdentifier(event, externalizer);
			Message message = MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
				.setContentType("application/json")
				.setContentEncoding("UTF-8")
				.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
				.setMessageId(publication.map(EventPublication::getIdentifier)
					.orElseGet(() -> contentId(event, body))
					.toString())
				.setTimestamp(Date.from(publication.map(EventPublication::getPublicationDate).orElseGet(Instant::now)))
				.setType(event.getClass().getSimpleName())
				.setHeader(EVENT_TYPE_HEADER, event.getClass().getSimpleName())
				.build();
			String exchange = routing.getTarget(event);
			String key = routing.getKey(event);
			// on one channel with publisher confirms: a message the broker did not take fails the publication
			rabbit.invoke(channel -> {
				channel.send(exchange, key, message);
				channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
				return null;
			});
			return CompletableFuture.completedFuture(null);
		});
	}

	/**
	 * The id under which the registry keeps the externalizer's publications: that of its listener
	 * method, worked out as Spring Modulith does when it marks them complete.
	 */
	static String externalizerListenerId() {
		Method externalize = ReflectionUtils.findMethod(DelegatingEventExternalizer.class, "externalize", Object.class);
		return new TransactionalApplicationListenerMethodAdapter("rabbitEventExternalizer",
				DelegatingEventExternalizer.class, externalize).getListenerId();
	}

	/**
	 * An event handed over without a publication in the registry (none is known to happen) still
	 * gets an id that a second send repeats: one made from its type and content.
	 */
	private static UUID contentId(Object event, String body) {
		return UUID.nameUUIDFromBytes((event.getClass().getName() + "\n" + body).getBytes(StandardCharsets.UTF_8));
	}
}
