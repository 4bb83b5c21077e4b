package org.liandong.identity.web;

import org.liandong.platform.Access;
import org.liandong.identity.Accounts;
import org.liandong.agency.Agencies;
import org.liandong.identity.NewUserAccount;
import org.liandong.platform.DomainException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

/** The system administrator's page for accounts (R1.3); roles are the security administrator's. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize(Access.SYSTEM_ADMIN)
class AccountAdminPage {

	private final Accounts accounts;
	private final Agencies agencies;

	AccountAdminPage(Accounts accounts, Agencies agencies) {
		this.accounts = accounts;
		this.agencies = agencies;
	}

	@GetMapping
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) String agencyCode,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		if (!model.containsAttribute("account")) {
			model.addAttribute("account", new NewUserAccount("", "", "", "", "", "", "", ""));
		}
		model.addAttribute("page", accounts.list(keyword, agencyCode, pageable));
		model.addAttribute("keyword", keyword);
		model.addAttribute("agencyCode", agencyCode);
		model.addAttribute("allAgencies", agencies.all());
		return "identity/users";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("account") NewUserAccount account, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				accounts.create(account);
				redirect.addFlashAttribute("notice",
						"已创建账户 %s。请联系安全管理员授予角色；首次登录时须修改初始密码。".formatted(account.username()));
				return "redirect:/admin/users";
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return list(null, null, Pageable.ofSize(20), model);
	}
}
