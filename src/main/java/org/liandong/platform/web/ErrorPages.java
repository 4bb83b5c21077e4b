package org.liandong.platform.web;

import java.net.URI;

import org.liandong.platform.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the container shows when nothing else handled a failure (unknown address, a filter
 * refusing): problem details for {@code /api/**}, a Chinese page for everything else.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		int status = statusOf(request);
		String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (uri.startsWith("/api/")) {
			ProblemDetail problem = Problems.of(HttpStatus.valueOf(status), Problems.code(status), detail(status, response));
			problem.setInstance(URI.create(uri));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("title", Problems.title(status));
		model.addAttribute("detail", Problems.defaultDetail(status));
		return "error";
	}

	/** A 415 names what the address takes (Spring MVC sets it as the answer's Accept header). */
	private static String detail(int status, HttpServletResponse response) {
		String accepted = response.getHeader("Accept");
		if (status == 415 && accepted != null && !accepted.isBlank()) {
			return "不支持的内容类型，请以 " + accepted.replace(", ", " 或 ") + " 格式提交";
		}
		return Problems.defaultDetail(status);
	}

	private static int statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly rather than forwarded by the container: there is no such page
		int status = code instanceof Integer value ? value : 404;
		return HttpStatus.resolve(status) == null ? 500 : status;
	}
}
