package org.liandong.identity.web;

import org.liandong.platform.Access;
import org.liandong.identity.Accounts;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The liaison roster (R1.4), visible to every bureau. */
@Controller
class LiaisonRosterPage {

	private final Accounts accounts;

	LiaisonRosterPage(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/liaisons")
	@PreAuthorize(Access.BUSINESS_USER)
	String roster(@RequestParam(required = false) String keyword, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", accounts.liaisons(keyword, pageable));
		model.addAttribute("keyword", keyword);
		return "identity/liaisons";
	}
}
