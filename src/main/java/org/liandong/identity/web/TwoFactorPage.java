package org.liandong.identity.web;

import java.util.List;

import org.liandong.identity.SecondFactorSession;
import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.SecondFactors;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "动态口令": each person binds an authenticator app by QR code, sees whether their roles require
 * it, replaces their recovery codes and, where not required, switches it off (issue 12). A person
 * whose roles require a second factor and who has none is brought to the binding at sign-in.
 */
@Controller
@RequestMapping("/account/two-factor")
class TwoFactorPage {

	private final SecondFactors secondFactors;

	TwoFactorPage(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping
	String status(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("status", secondFactors.status(user.getUsername()));
		return "identity/two-factor";
	}

	@GetMapping("/enrol")
	String enrol(@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		SecondFactorStatus status = secondFactors.status(user.getUsername());
		if (status.enrolled()) {
			redirect.addFlashAttribute("notice", "已绑定动态口令");
			return "redirect:/account/two-factor";
		}
		model.addAttribute("status", status);
		model.addAttribute("enrolment", secondFactors.startEnrolment(user.getUsername()));
		return "identity/two-factor-enrol";
	}

	/** Confirms with a first code; the recovery codes are shown on the answer, once. */
	@PostMapping("/enrol")
	String confirm(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			List<String> recoveryCodes = secondFactors.confirmEnrolment(user.getUsername(), code);
			// the first code proves the new factor: this sign-in has passed its second step
			SecondFactorSession.passed(request, user.getUsername());
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("notice", "动态口令绑定成功。以后登录时，输入密码后还须输入身份验证器上的动态口令。");
			return "identity/two-factor-codes";
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
			return enrol(user, model, redirect);
		}
	}

	@PostMapping("/recovery-codes")
	@RefusalShownOn("/account/two-factor")
	String regenerate(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			Model model) {
		model.addAttribute("recoveryCodes", secondFactors.regenerateRecoveryCodes(user.getUsername(), code));
		model.addAttribute("notice", "已生成新的恢复码，原有恢复码全部作废。");
		return "identity/two-factor-codes";
	}

	@PostMapping("/disable")
	@RefusalShownOn("/account/two-factor")
	String disable(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			RedirectAttributes redirect) {
		secondFactors.disable(user.getUsername(), code);
		redirect.addFlashAttribute("notice", "已关闭动态口令，登录时只需输入密码。");
		return "redirect:/account/two-factor";
	}
}
