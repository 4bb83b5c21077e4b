package org.liandong.inbox.web;

import org.liandong.identity.Role;
import org.liandong.inbox.Inbox;
import org.liandong.platform.SignedInUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts the reader's unread count into every rendered page, for the badge in the page header. */
@Configuration(proxyBeanMethods = false)
class UnreadCount implements WebMvcConfigurer {

	private final Inbox inbox;

	UnreadCount(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				boolean rendersPage = view != null && view.getViewName() != null
						&& !view.getViewName().startsWith("redirect:");
				if (rendersPage) {
					SignedInUser.current()
						.filter(user -> user.roles().stream().map(Role::valueOf).anyMatch(role -> !role.isAdministrator()))
						.ifPresent(user -> view.addObject("unreadCount", inbox.unreadCount(user)));
				}
			}
		}).excludePathPatterns("/api/**");
	}
}
