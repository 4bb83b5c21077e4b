package org.liandong.platform.web;

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
import org.springframework.web.servlet.ModelAndView;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

/**
 * A business rule that refuses an action on a page (an unknown account in the address, a stale
 * edit) shows the Chinese error page with the rule's own message, never a 500. Forms show their
 * refusals inline; this is for what reaches no form.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

	@ExceptionHandler
	ModelAndView refused(DomainException e) {
		return page(e.status(), e.getMessage());
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
