package org.liandong.platform.web;

import org.liandong.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePage {

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("user", user);
		return "home";
	}
}
