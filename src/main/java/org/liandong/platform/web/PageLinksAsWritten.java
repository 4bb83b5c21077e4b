package org.liandong.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * A page's links are written as its template gives them (issue 18). Spring Boot registers
 * {@link ResourceUrlEncodingFilter} for Thymeleaf because the webjars locator enables the resource chain;
 * it looked every link of a page up among the static resources, and for a link that is none (a pager,
 * sort or row link) that is a search through every jar on the classpath, which its cache does not keep:
 * about 40 % of the processor time of a case list page (JFR, CaseListBenchmarkIT). Registered here
 * disabled, so Boot's own does not come. The webjars' version-less paths
 * ({@code /webjars/bootstrap/dist/js/bootstrap.bundle.min.js}) are still resolved by the locator when the browser asks
 * for them.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksAsWritten {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}
}
