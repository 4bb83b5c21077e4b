package org.liandong.agency.web;

import org.liandong.platform.Access;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.NewAgency;
import org.liandong.agency.NewDivision;
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

/** The system administrator's pages for the hierarchy: agencies and divisions (R1.1, R1.2). */
@Controller
@RequestMapping("/admin/agencies")
@PreAuthorize(Access.SYSTEM_ADMIN)
class AgencyAdminPage {

	private final Agencies agencies;

	AgencyAdminPage(Agencies agencies) {
		this.agencies = agencies;
	}

	@GetMapping
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) AgencyKind kind,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		if (!model.containsAttribute("agency")) {
			model.addAttribute("agency", new NewAgency("", "", "", null, "", ""));
		}
		if (!model.containsAttribute("division")) {
			model.addAttribute("division", new NewDivision("", "", null, ""));
		}
		model.addAttribute("page", agencies.list(keyword, kind, pageable));
		model.addAttribute("keyword", keyword);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("levels", DivisionLevel.values());
		model.addAttribute("divisions", agencies.divisions());
		model.addAttribute("allAgencies", agencies.all());
		return "agency/agencies";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("agency") NewAgency agency, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				agencies.register(agency);
				redirect.addFlashAttribute("notice", "已登记机构“%s”".formatted(agency.name()));
				return "redirect:/admin/agencies";
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return list(null, null, Pageable.ofSize(20), model);
	}

	@PostMapping("/divisions")
	String registerDivision(@Valid @ModelAttribute("division") NewDivision division, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				agencies.registerDivision(division);
				redirect.addFlashAttribute("notice", "已登记行政区划“%s”".formatted(division.name()));
				return "redirect:/admin/agencies";
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return list(null, null, Pageable.ofSize(20), model);
	}
}
