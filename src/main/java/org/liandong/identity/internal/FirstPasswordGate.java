package org.liandong.identity.internal;

import java.io.IOException;
import java.util.function.Predicate;

import org.liandong.platform.ProblemWriter;
import org.liandong.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account created by an administrator does nothing but choose its own password first (level-3
 * protection: the initial password is known to the administrator). Pages lead to the password
 * form; the API answers 403 with the address to use.
 */
final class FirstPasswordGate extends OncePerRequestFilter {

	static final String PAGE = "/account/password";

	static final String API = "/api/v1/me/password";

	private final ProblemWriter problems;
	private final Predicate<HttpServletRequest> allowed;

	private FirstPasswordGate(ProblemWriter problems, Predicate<HttpServletRequest> allowed) {
		this.problems = problems;
		this.allowed = allowed;
	}

	static FirstPasswordGate forPages() {
		return new FirstPasswordGate(null, request -> {
			String path = request.getServletPath();
			return path.equals(PAGE) || path.equals(TwoFactorGate.STEP_PAGE) || path.equals(TwoFactorGate.ENROL_PAGE)
					|| path.equals("/logout") || path.equals("/login") || path.equals("/error")
					|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.equals("/favicon.ico");
		});
	}

	static FirstPasswordGate forApi(ProblemWriter problems) {
		return new FirstPasswordGate(problems, request -> request.getServletPath().equals(API)
				|| request.getServletPath().equals("/api/v1/me"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean gated = SignedInUser.current().map(SignedInUser::mustChangePassword).orElse(false);
		if (!gated || allowed.test(request)) {
			chain.doFilter(request, response);
		}
		else if (problems == null) {
			response.sendRedirect(request.getContextPath() + PAGE);
		}
		else {
			problems.write(response, HttpStatus.FORBIDDEN, "password-change-required",
					"须先修改密码（首次登录须修改初始密码，密码到期也须修改）：PUT " + API);
		}
	}
}
