package org.liandong.platform.web;

import java.util.HashMap;
import java.util.Map;

import org.liandong.platform.DomainException;
import org.liandong.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriTemplate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

/**
 * A business rule that refuses an action on a page (an unknown account in the address, a stale
 * edit) shows the Chinese error page with the rule's own message, never a 500. A form that keeps
 * what was typed shows its refusals inline (and lets "not found" through, {@code shownOnPage()});
 * any other form names the page of its refusals ({@link RefusalShownOn}) and catches nothing.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

	/**
	 * A refusal of a form's action goes back to the form's page with its message, where the handler
	 * names one ({@link RefusalShownOn}); "not found" and refusals of what no form posted show the
	 * error page with the rule's status, so another bureau's record is a 404 here as on the API.
	 */
	@ExceptionHandler
	ModelAndView refused(DomainException e, HandlerMethod handler, HttpServletRequest request) {
		RefusalShownOn shownOn = handler == null ? null : handler.getMethodAnnotation(RefusalShownOn.class);
		if (shownOn == null || e.status() == HttpStatus.NOT_FOUND) {
			return page(e.status(), e.getMessage());
		}
		String target = UriComponentsBuilder.fromUriString(shownOn.value())
			.encode()
			.buildAndExpand(variables(shownOn.value(), request))
			.toUriString();
		RequestContextUtils.getOutputFlashMap(request).put("problem", e.getMessage());
		return new ModelAndView("redirect:" + target);
	}

	/**
	 * The values of the page's variables: the handler's path variable of that name, else the posted
	 * form's field of that name (a form that names its page in a field, such as the case a dispatch
	 * is issued from), else empty.
	 */
	private static Map<String, String> variables(String page, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Map<String, String> values = new HashMap<>();
		for (String name : new UriTemplate(page).getVariableNames()) {
			String value = path == null ? null : path.get(name);
			if (value == null) {
				value = request.getParameter(name);
			}
			values.put(name, value == null ? "" : value);
		}
		return values;
	}

	@ExceptionHandler
	ModelAndView invalid(ConstraintViolationException e) {
		return page(HttpStatus.BAD_REQUEST, e.getConstraintViolations().stream()
			.map(ConstraintViolation::getMessage)
			.reduce((a, b) -> a + "；" + b)
			.orElse("提交的内容不符合要求"));
	}

	@ExceptionHandler
	ModelAndView stale(OptimisticLockingFailureException e) {
		return page(HttpStatus.CONFLICT, "该记录已被他人修改，请刷新后重试");
	}

	@ExceptionHandler
	ModelAndView conflict(DataIntegrityViolationException e) {
		return page(HttpStatus.CONFLICT, "数据与已有记录冲突或不完整，请检查后重试");
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		ModelAndView view = new ModelAndView("error", status);
		view.addObject("status", status.value());
		view.addObject("title", Problems.title(status.value()));
		view.addObject("detail", detail);
		return view;
	}
}
