package org.liandong.identity.web;

import org.liandong.identity.Accounts;
import org.liandong.identity.PasswordChange;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Everyone changes their own password here; an account created by an administrator must, first. */
@Controller
@RequestMapping("/account/password")
class PasswordPage {

	private final Accounts accounts;

	PasswordPage(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (!model.containsAttribute("change")) {
			model.addAttribute("change", new PasswordChange("", ""));
		}
		model.addAttribute("forced", user.mustChangePassword());
		return "identity/password";
	}

	/** After the change the person signs in again with the new password, which also ends any forced change. */
	@PostMapping
	String change(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("change") PasswordChange change,
			BindingResult errors, @RequestParam(defaultValue = "") String confirmation, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!errors.hasErrors() && !change.newPassword().equals(confirmation)) {
			errors.rejectValue("newPassword", "mismatch", "两次输入的新密码不一致");
		}
		if (!errors.hasErrors()) {
			try {
				accounts.changeOwnPassword(user.getUsername(), change);
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				return "redirect:/login?changed";
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return form(user, model);
	}
}
