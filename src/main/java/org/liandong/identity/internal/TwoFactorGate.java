package org.liandong.identity.internal;

import java.io.IOException;
import java.util.function.Predicate;

import org.liandong.identity.SecondFactorSession;
import org.liandong.platform.ProblemWriter;
import org.liandong.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The second step of every sign-in (issue 12, L3-CES1-04). After the password, an account with a
 * bound authenticator, or whose roles require one, is not yet signed in: on pages it reaches only
 * the second-step page (or the binding page, when its roles require a factor it has not bound)
 * until it passes; on the API each call carries the current one-time password in the
 * {@value #HEADER} header, else 401. Refusals are audited.
 * <p>
 * API clients authenticate on every call. One code, once accepted (its time-step then counts as
 * used), also serves the further calls of the same client, recognised by the same Authorization
 * header and code, until the code's window ends, on every instance (TwoFactorClientCodes); the same
 * code from anywhere else is a replay.
 */
final class TwoFactorGate extends OncePerRequestFilter {

	static final String HEADER = "X-OTP";

	static final String STEP_PAGE = "/login/two-factor";

	static final String ENROL_PAGE = "/account/two-factor/enrol";

	static final String API_ENROLMENT = "/api/v1/me/two-factor";

	private final TwoFactorService service;
	private final ProblemWriter problems;
	private final TwoFactorClientCodes recent;

	private TwoFactorGate(TwoFactorService service, ProblemWriter problems, TwoFactorClientCodes recent) {
		this.service = service;
		this.problems = problems;
		this.recent = recent;
	}

	static TwoFactorGate forPages(TwoFactorService service) {
		return new TwoFactorGate(service, null, null);
	}

	static TwoFactorGate forApi(TwoFactorService service, ProblemWriter problems, TwoFactorClientCodes recent) {
		return new TwoFactorGate(service, problems, recent);
	}

	/** Paths a person between password and second step may reach: the step itself and leaving. */
	private static boolean always(String path) {
		return path.equals("/logout") || path.equals("/login") || path.equals("/error") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignedInUser user = SignedInUser.current().orElse(null);
		if (user == null) {
			chain.doFilter(request, response);
		}
		else if (problems == null) {
			page(user, request, response, chain);
		}
		else {
			api(user, request, response, chain);
		}
	}

	private void page(SignedInUser user, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecondFactorSession.hasPassed(request, user.getUsername())) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getServletPath();
		SecondStepNeed need = service.need(user.id());
		if (need == SecondStepNeed.NONE) {
			SecondFactorSession.notNeeded(request, user.getUsername());
			chain.doFilter(request, response);
			return;
		}
		Predicate<String> allowed = need == SecondStepNeed.CODE ? STEP_PAGE::equals
				: p -> p.equals(ENROL_PAGE) || user.mustChangePassword() && p.equals(FirstPasswordGate.PAGE);
		if (always(path) || allowed.test(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (!path.equals("/")) {
			refuseOncePerSession(request, user, need, path);
		}
		if (need == SecondStepNeed.ENROLMENT && user.mustChangePassword()) {
			// the initial password is replaced first; binding follows at the next sign-in
			response.sendRedirect(request.getContextPath() + FirstPasswordGate.PAGE);
		}
		else {
			response.sendRedirect(request.getContextPath() + (need == SecondStepNeed.CODE ? STEP_PAGE : ENROL_PAGE));
		}
	}

	private void refuseOncePerSession(HttpServletRequest request, SignedInUser user, SecondStepNeed need, String path) {
		HttpSession session = request.getSession();
		String flag = TwoFactorGate.class.getName() + ".REFUSED";
		if (session.getAttribute(flag) == null) {
			session.setAttribute(flag, Boolean.TRUE);
			service.refuse(user.getUsername(), "网页登录", (need == SecondStepNeed.CODE ? "尚未输入动态口令" : "角色要求动态口令而尚未绑定")
					+ "，拒绝访问 " + path);
		}
	}

	private void api(SignedInUser user, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecondStepNeed need = service.need(user.id());
		if (need == SecondStepNeed.NONE) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getServletPath();
		if (need == SecondStepNeed.ENROLMENT) {
			if (user.mustChangePassword() || path.equals("/api/v1/me") || path.equals(API_ENROLMENT)
					|| path.startsWith(API_ENROLMENT + "/")) {
				chain.doFilter(request, response);
				return;
			}
			service.refuse(user.getUsername(), "API", "角色要求动态口令而尚未绑定");
			problems.write(response, HttpStatus.UNAUTHORIZED, "two-factor-enrolment-required",
					"需要动态口令：您的角色按安全策略必须使用动态口令，请先绑定身份验证器（POST " + API_ENROLMENT
							+ "/enrolment，再以首个口令 POST " + API_ENROLMENT + "/confirmation），或在网页登录时绑定");
			return;
		}
		String code = request.getHeader(HEADER);
		String authorization = request.getHeader("Authorization");
		if (code != null && authorization != null && recent.matches(user.getUsername(), authorization, code.strip())) {
			chain.doFilter(request, response);
			return;
		}
		if (code == null || code.isBlank()) {
			service.refuse(user.getUsername(), "API", "请求未携带动态口令");
			problems.write(response, HttpStatus.UNAUTHORIZED, "two-factor-required",
					"需要动态口令：请在请求头 " + HEADER + " 中提供身份验证器当前显示的 6 位数字");
			return;
		}
		SecondStepOutcome outcome = service.verifySignIn(user.id(), user.getUsername(), code, "API");
		if (outcome == SecondStepOutcome.PASSED) {
			if (authorization != null) {
				recent.remember(user.getUsername(), authorization, code.strip());
			}
			chain.doFilter(request, response);
			return;
		}
		problems.write(response, HttpStatus.UNAUTHORIZED, switch (outcome) {
			case REPLAYED -> "two-factor-replayed";
			case LOCKED -> "account-locked";
			default -> "two-factor-invalid";
		}, outcome.message());
	}
}
