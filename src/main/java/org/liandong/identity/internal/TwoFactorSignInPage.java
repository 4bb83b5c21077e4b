package org.liandong.identity.internal;

import org.liandong.identity.SecondFactorSession;
import org.liandong.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second step of a page sign-in (issue 12): after the password, the one-time password of the
 * bound authenticator, or one of the recovery codes. Wrong codes count towards the lockout.
 */
@Controller
@RequestMapping(TwoFactorGate.STEP_PAGE)
class TwoFactorSignInPage {

	private final TwoFactorService twoFactor;

	TwoFactorSignInPage(TwoFactorService twoFactor) {
		this.twoFactor = twoFactor;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
		if (SecondFactorSession.hasPassed(request, user.getUsername())
				|| twoFactor.need(user.id()) != SecondStepNeed.CODE) {
			return "redirect:/";
		}
		return "login-two-factor";
	}

	@PostMapping
	String verify(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (SecondFactorSession.hasPassed(request, user.getUsername())
				|| twoFactor.need(user.id()) != SecondStepNeed.CODE) {
			return "redirect:/";
		}
		SecondStepOutcome outcome = twoFactor.verifySignIn(user.id(), user.getUsername(), code, "网页登录");
		if (outcome == SecondStepOutcome.PASSED) {
			SecondFactorSession.passed(request, user.getUsername());
			return "redirect:/";
		}
		if (outcome == SecondStepOutcome.LOCKED) {
			new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
			request.getSession().setAttribute("loginError", outcome.message());
			return "redirect:/login?error";
		}
		model.addAttribute("problem", outcome.message());
		return "login-two-factor";
	}
}
