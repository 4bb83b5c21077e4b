package org.liandong.platform.web;

import java.io.IOException;
import java.util.EnumSet;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * A request's answer is sent before the request stops counting as in flight (issue 24). Spring Boot's
 * graceful stop waits while a servlet is in use, then stops the web server, which closes every
 * connection. Spring Framework 7 keeps the message converters' flushes from reaching the container, so
 * an answer stays in Tomcat's buffer until Tomcat finishes the response, after the servlet is released:
 * a stop that looked in between, every 50 ms, closed the connection of a request whose work was done
 * and committed, without an answer (GracefulStopIT: once in CI, once in 94 runs repeated with both
 * processor cores loaded, and in its run with a pause put in that gap). Closing the response's stream
 * at the end of the chain is what Tomcat's own finish does (the length is set from the buffer and the
 * bytes are written), done while the servlet is still in use. Responses already committed (streamed,
 * or an error Tomcat will render), asynchronous requests and included or forwarded dispatches are left
 * to the container as before.
 */
@Configuration(proxyBeanMethods = false)
class CompleteResponses {

	@Bean
	FilterRegistrationBean<Filter> completeResponsesFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(CompleteResponses::filter);
		registration.setName("completeResponses");
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		// around everything else that writes, inside the character encoding and the request's observation
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	private static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		chain.doFilter(request, response);
		if (request.isAsyncStarted() || response.isCommitted()) {
			return;
		}
		try {
			response.getOutputStream().close();
		}
		catch (IllegalStateException writerInUse) {
			response.getWriter().close();
		}
	}
}
