package org.liandong.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
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
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Events outward (issue 10): the domain events marked {@code @Externalized("liandong.events::<key>")}
 * are sent as JSON to the RabbitMQ topic exchange {@value #EXCHANGE}, after their transaction
 * commits, through Spring Modulith's event publication registry: a send that fails leaves the
 * publication incomplete and it is sent again (at least once). The broker confirms each message
 * before the publication counts as done. Off unless
 * {@code spring.modulith.events.externalization.enabled=true}; when off nothing connects to a broker.
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
			RabbitTemplate rabbit, JsonMapper json, BeanFactory beans) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		context.setBeanResolver(new BeanFactoryResolver(beans));
		return new DelegatingEventExternalizer(configuration, (target, event) -> {
			BrokerRouting routing = BrokerRouting.of(target, context);
			Message message = MessageBuilder.withBody(json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
				.setContentType("application/json")
				.setContentEncoding("UTF-8")
				.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
				.setMessageId(UUID.randomUUID().toString())
				.setTimestamp(new Date())
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
}
