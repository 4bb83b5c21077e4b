package org.liandong.platform;

import java.time.Clock;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * Shared beans every module relies on. Rules about time take this clock, so tests can move it.
 * Asynchronous processing runs the modules' after-commit event listeners off the request thread.
 * Timed jobs are not Spring's {@code @Scheduled} (every instance would run each): they are
 * {@link ClusterSchedule} tasks, each run by one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * A JSON number or boolean where the API wants text is refused (400), not quietly turned into
	 * "false" or "12": {@code {"name": false}} must not create a division named "false" (issue 20). Nor is
	 * a number taken for a named value by its position ({@code {"kind": 12}} is not the thirteenth kind).
	 */
	@Bean
	JsonMapperBuilderCustomizer noScalarsAsText() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
	}
}
