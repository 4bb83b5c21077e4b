package org.liandong.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared beans every module relies on. Rules about time take this clock, so tests can move it. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
