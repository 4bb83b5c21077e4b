package org.liandong.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpSession;

@Controller
class LoginPage {

	/** Shows the reason of the last failed attempt once, and keeps the username typed. */
	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		model.addAttribute("loginError", session.getAttribute("loginError"));
		model.addAttribute("loginUsername", session.getAttribute("loginUsername"));
		session.removeAttribute("loginError");
		session.removeAttribute("loginUsername");
		return "login";
	}
}
