package org.liandong.generator.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * In the demo installation with {@code liandong.demo.history.enabled}, the clock every module takes
 * "now" from is the {@link DemoClock}, which the demo year moves on its own thread; elsewhere it
 * reads the system time, as the platform's clock does.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "liandong.demo.history.enabled", havingValue = "true")
class DemoYearConfiguration {

	@Bean
	@Primary
	DemoClock demoClock() {
		return new DemoClock();
	}
}
