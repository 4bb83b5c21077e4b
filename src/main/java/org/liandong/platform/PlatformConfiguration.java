package org.liandong.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Shared beans every module relies on. Rules about time take this clock, so tests can move it.
 * Asynchronous processing runs the modules' after-commit event listeners off the request thread;
 * scheduling runs the deadline watches, which are safe to run on several instances at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
