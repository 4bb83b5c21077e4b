package org.liandong.identity.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.liandong.platform.Access;
import org.liandong.identity.Accounts;
import org.liandong.identity.Role;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's page: roles and lockouts. */
@Controller
@RequestMapping("/security/accounts")
@PreAuthorize(Access.SECURITY_ADMIN)
class SecurityAdminPage {

	private final Accounts accounts;
	private final Clock clock;

	SecurityAdminPage(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String keyword, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", accounts.list(keyword, null, pageable));
		model.addAttribute("keyword", keyword);
		model.addAttribute("roles", Role.values());
		model.addAttribute("now", clock.instant());
		return "identity/security";
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Model model) {
		model.addAttribute("account", accounts.find(username));
		model.addAttribute("roles", Role.values());
		model.addAttribute("now", clock.instant());
		return "identity/security-account";
	}

	@PostMapping("/{username}/roles")
	@RefusalShownOn("/security/accounts/{username}")
	String changeRoles(@PathVariable String username, @RequestParam(required = false) Set<Role> roles,
			@RequestParam Long version, RedirectAttributes redirect) {
		accounts.changeRoles(username, roles == null ? EnumSet.noneOf(Role.class) : roles, version);
		redirect.addFlashAttribute("notice", "已更新 %s 的角色".formatted(username));
		return "redirect:/security/accounts/" + username;
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes redirect) {
		accounts.unlock(username);
		redirect.addFlashAttribute("notice", "已解除 %s 的登录锁定".formatted(username));
		return "redirect:/security/accounts/" + username;
	}
}
