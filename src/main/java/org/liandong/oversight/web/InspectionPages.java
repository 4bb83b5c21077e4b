package org.liandong.oversight.web;

import java.time.LocalDate;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.oversight.InspectionKind;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewInspection;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Validator;

/** The inspection pages (R8.1): the list with the rectifications owed, the supervision form, an inspection. */
@Controller
@RequestMapping("/oversight/inspections")
@PreAuthorize(Access.BUSINESS_USER)
class InspectionPages {

	private final Inspections inspections;
	private final Agencies agencies;
	private final Validator validator;

	InspectionPages(Inspections inspections, Agencies agencies, Validator validator) {
		this.inspections = inspections;
		this.agencies = agencies;
		this.validator = validator;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) InspectionKind kind,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", inspections.list(kind, reader, pageable));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", InspectionKind.values());
		model.addAttribute("inspector", inspector(reader, agencies));
		model.addAttribute("owed", inspections.rectifications(true, reader, PageRequest.of(0, 50)).getContent());
		return "oversight/inspections/list";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal SignedInUser inspector, Model model) {
		if (!inspector(inspector, agencies)) {
			throw DomainException.forbidden("not-city-inspector", "只有市局领导和执法支队人员可以记录督导检查");
		}
		model.addAttribute("form", InspectionForm.standard(LocalDate.now(ChineseTime.ZONE)));
		return showForm(inspector, model);
	}

	private String showForm(SignedInUser inspector, Model model) {
		model.addAttribute("bureaus", countyBureaus(inspector, agencies));
		model.addAttribute("action", "/oversight/inspections");
		model.addAttribute("heading", "记录督导检查");
		model.addAttribute("assigned", null);
		return "oversight/inspections/form";
	}

	@PostMapping
	String record(@AuthenticationPrincipal SignedInUser inspector, @ModelAttribute("form") InspectionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		NewInspection input = form.toInput();
		if (form.accepts(input, validator, errors)) {
			try {
				InspectionView recorded = inspections.recordSupervision(input, inspector);
				redirect.addFlashAttribute("notice", "已记录督导检查，得分 %s（满分 %s），整改事项 %d 项已通知%s".formatted(
						recorded.totalScore().toPlainString(), recorded.maxScore().toPlainString(),
						recorded.rectifications().size(), recorded.inspectedAgencyName()));
				return "redirect:/oversight/inspections/" + recorded.id();
			}
			catch (DomainException refused) {
				form.reject(refused.shownOnPage(), errors);
			}
		}
		form.fillRows();
		return showForm(inspector, model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		model.addAttribute("i", inspections.find(id, reader));
		model.addAttribute("me", reader.agencyCode());
		return "oversight/inspections/detail";
	}

	@PostMapping("/rectifications/{rectificationId}/report")
	String report(@AuthenticationPrincipal SignedInUser owner, @PathVariable long rectificationId,
			@RequestParam long inspectionId, @RequestParam(required = false) String report, Model model,
			RedirectAttributes redirect) {
		try {
			inspections.reportRectification(rectificationId, report, owner);
			redirect.addFlashAttribute("notice", "已报告整改情况");
			return "redirect:/oversight/inspections/" + inspectionId;
		}
		catch (DomainException refused) {
			// the refusal is shown at the item's own form, with what was typed
			model.addAttribute("reportError", new ReportError(rectificationId, refused.shownOnPage().getMessage(), report));
		}
		return detail(owner, inspectionId, model);
	}

	/** A refused rectification report, shown at its item. */
	record ReportError(long rectificationId, String message, String typed) {
	}

	static boolean inspector(SignedInUser user, Agencies agencies) {
		return (user.hasRole("LEADER") || user.hasRole("DETACHMENT_OFFICER"))
				&& agencies.isCityLevel(user.agencyCode());
	}

	/** The county bureaus of the user's city: whom its city bureau inspects. */
	static List<AgencySummary> countyBureaus(SignedInUser user, Agencies agencies) {
		String city = cityOf(user, agencies);
		return agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && city.equals(a.parentCode()))
			.toList();
	}

	static String cityOf(SignedInUser user, Agencies agencies) {
		AgencySummary agency = agencies.find(user.agencyCode()).orElseThrow();
		return agency.cityCode();
	}
}
