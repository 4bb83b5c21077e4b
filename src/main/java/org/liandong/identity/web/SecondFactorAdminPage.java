package org.liandong.identity.web;

import java.util.List;
import java.util.Set;

import org.liandong.identity.Role;
import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.SecondFactors;
import org.liandong.platform.Access;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.PageImpl;
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

/** The security administrator's page of the second factor: the per-role policy, who is bound, resets (issue 12). */
@Controller
@RequestMapping("/security/two-factor")
@PreAuthorize(Access.SECURITY_ADMIN)
class SecondFactorAdminPage {

	private final SecondFactors secondFactors;

	SecondFactorAdminPage(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	/** The accounts bound or required to bind, found by user name or name, a page at a time (issue 11). */
	@GetMapping
	String overview(@RequestParam(required = false) String keyword, @PageableDefault(size = 30) Pageable pageable,
			Model model) {
		String wanted = keyword == null ? "" : keyword.strip();
		List<SecondFactorStatus> found = secondFactors.overview()
			.stream()
			.filter(a -> a.username().contains(wanted) || a.displayName().contains(wanted))
			.toList();
		int from = (int) Math.min(pageable.getOffset(), found.size());
		int to = Math.min(from + pageable.getPageSize(), found.size());
		model.addAttribute("policy", secondFactors.policy());
		model.addAttribute("page", new PageImpl<>(found.subList(from, to), pageable, found.size()));
		model.addAttribute("keyword", keyword);
		return "identity/security-two-factor";
	}

	/** The roles checked are mandatory, the others optional; only the changed ones are recorded. */
	@PostMapping("/policy")
	@RefusalShownOn("/security/two-factor")
	String policy(@RequestParam(required = false) Set<Role> mandatory, RedirectAttributes redirect) {
		int changed = 0;
		for (var rule : secondFactors.policy()) {
			boolean wanted = rule.role().isAdministrator() || mandatory != null && mandatory.contains(rule.role());
			if (wanted != rule.mandatory()) {
				secondFactors.changePolicy(rule.role(), wanted);
				changed++;
			}
		}
		redirect.addFlashAttribute("notice", changed == 0 ? "策略未变化" : "已更新动态口令策略，自相关人员下次登录起生效");
		return "redirect:/security/two-factor";
	}

	@PostMapping("/{username}/reset")
	@RefusalShownOn("/security/two-factor")
	String reset(@PathVariable String username, RedirectAttributes redirect) {
		secondFactors.reset(username);
		redirect.addFlashAttribute("notice", "已重置 %s 的动态口令：原绑定和恢复码作废，其会话已结束".formatted(username));
		return "redirect:/security/two-factor";
	}
}
