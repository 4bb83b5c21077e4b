package org.liandong.platform.web;

import java.util.Arrays;
import java.util.List;

import org.liandong.platform.DomainException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API list's {@code page} and {@code size} are whole numbers, as the description says (issue
 * 20): {@code size=abc} is a 400, where Spring Data would quietly answer the default page and a
 * client would never learn its parameter was not read; so is a negative page, which it would read as
 * the first. Runs after the role check of
 * {@link AuthorizeBeforeBinding}, so a caller without the role still hears 403 first.
 */
@Component
class PagingParameters implements HandlerInterceptor, WebMvcConfigurer {

	private static final List<String> NUMBERS = List.of("page", "size");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**").order(1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().isAnnotationPresent(RestController.class)
				|| Arrays.stream(method.getMethodParameters()).noneMatch(p -> Pageable.class.equals(p.getParameterType()))) {
			return true;
		}
		for (String name : NUMBERS) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank() && !value.trim().matches("-?\\d{1,9}")) {
				throw DomainException.invalid("invalid-parameter", "参数 %s 应为整数".formatted(name));
			}
			if ("page".equals(name) && value != null && value.trim().startsWith("-")) {
				// a page before the first is a mistake of the caller's, not a request for the first
				throw DomainException.invalid("invalid-parameter", "参数 page 为页码，从 0 开始，不能小于 0");
			}
		}
		return true;
	}
}
