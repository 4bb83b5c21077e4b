package org.liandong.oversight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.oversight.InspectionCampaign;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.NewInspectionCampaign;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
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

/**
 * The mutual inspection pages (R2.6): campaigns and the planning form, a campaign with its
 * assignment, proposal and confirmation, and the inspecting bureau's form.
 */
@Controller
@RequestMapping("/oversight/inspections/campaigns")
@PreAuthorize(Access.BUSINESS_USER)
class InspectionCampaignPages {

	/** Refusals of the service that concern one field of the planning form. */
	private static final Map<String, String> FIELD_OF_CODE = Map.of("too-few-bureaus", "bureauCodes",
			"unknown-agency", "bureauCodes", "not-a-county-bureau", "bureauCodes");

	private final Inspections inspections;
	private final Agencies agencies;
	private final Validator validator;

	InspectionCampaignPages(Inspections inspections, Agencies agencies, Validator validator) {
		this.inspections = inspections;
		this.agencies = agencies;
		this.validator = validator;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		if (!model.containsAttribute("campaign")) {
			int year = LocalDate.now(ChineseTime.ZONE).getYear();
			model.addAttribute("campaign", InspectionCampaignForm.of("%d年度执法工作互查".formatted(year), year,
					InspectionPages.inspector(reader, agencies)
							? InspectionPages.countyBureaus(reader, agencies).stream().map(AgencySummary::code).toList()
							: List.of()));
		}
		model.addAttribute("page", inspections.campaigns(reader, pageable));
		model.addAttribute("inspector", InspectionPages.inspector(reader, agencies));
		model.addAttribute("bureaus", InspectionPages.inspector(reader, agencies)
				? InspectionPages.countyBureaus(reader, agencies) : List.of());
		return "oversight/inspections/campaigns";
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser planner,
			@ModelAttribute("campaign") InspectionCampaignForm campaign, BindingResult errors,
			@PageableDefault(size = 20) Pageable pageable, Model model, RedirectAttributes redirect) {
		NewInspectionCampaign input = campaign.toInput();
		if (campaign.accepts(input, validator, errors)) {
			try {
				InspectionCampaign created = inspections.createCampaign(input, planner);
				redirect.addFlashAttribute("notice", "已生成互查方案，请核对；可以重新生成，确认后通知各检查单位");
				return "redirect:/oversight/inspections/campaigns/" + created.id();
			}
			catch (DomainException refused) {
				String field = FIELD_OF_CODE.get(refused.shownOnPage().code());
				if (field == null) {
					errors.reject(refused.code(), refused.getMessage());
				}
				else {
					errors.rejectValue(field, refused.code(), refused.getMessage());
				}
			}
		}
		return list(planner, pageable, model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		InspectionCampaign campaign = inspections.campaign(id, reader);
		model.addAttribute("c", campaign);
		model.addAttribute("inspector", InspectionPages.inspector(reader, agencies));
		model.addAttribute("task", campaign.assignments().stream()
			.filter(a -> a.inspectingAgencyCode().equals(reader.agencyCode())).findFirst().orElse(null));
		model.addAttribute("me", reader.agencyCode());
		model.addAttribute("mayRecord", reader.hasRole("ENFORCER") || reader.hasRole("LEADER"));
		return "oversight/inspections/campaign";
	}

	@PostMapping("/{id}/proposal")
	@RefusalShownOn("/oversight/inspections/campaigns/{id}")
	String proposeAgain(@AuthenticationPrincipal SignedInUser planner, @PathVariable long id,
			RedirectAttributes redirect) {
		inspections.proposeAgain(id, planner);
		redirect.addFlashAttribute("notice", "已重新生成互查方案，请核对");
		return "redirect:/oversight/inspections/campaigns/" + id;
	}

	@PostMapping("/{id}/confirmation")
	@RefusalShownOn("/oversight/inspections/campaigns/{id}")
	String confirm(@AuthenticationPrincipal SignedInUser planner, @PathVariable long id,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		InspectionCampaign confirmed = inspections.confirm(id, version, planner);
		redirect.addFlashAttribute("notice", "已确认互查方案，%d 个检查单位已收到互查任务".formatted(
				confirmed.assignments().size()));
		return "redirect:/oversight/inspections/campaigns/" + id;
	}

	@GetMapping("/{id}/inspections/new")
	String form(@AuthenticationPrincipal SignedInUser inspector, @PathVariable long id, Model model) {
		InspectionForm form = InspectionForm.standard(LocalDate.now(ChineseTime.ZONE));
		model.addAttribute("form", form);
		return showForm(inspector, id, model);
	}

	private String showForm(SignedInUser inspector, long id, Model model) {
		InspectionCampaign campaign = inspections.campaign(id, inspector);
		InspectionCampaign.Assignment task = campaign.assignments().stream()
			.filter(a -> a.inspectingAgencyCode().equals(inspector.agencyCode()))
			.findFirst()
			.orElseThrow(() -> DomainException.forbidden("not-inspecting-bureau", "只有承担检查任务的单位可以报送互查结果"));
		model.addAttribute("campaign", campaign);
		model.addAttribute("assigned", task);
		model.addAttribute("action", "/oversight/inspections/campaigns/" + id + "/inspections");
		model.addAttribute("heading", "报送互查结果");
		return "oversight/inspections/form";
	}

	@PostMapping("/{id}/inspections")
	String record(@AuthenticationPrincipal SignedInUser inspector, @PathVariable long id,
			@ModelAttribute("form") InspectionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		NewInspection input = form.toInput();
		if (form.accepts(input, validator, errors)) {
			try {
				InspectionView recorded = inspections.recordMutual(id, input, inspector);
				redirect.addFlashAttribute("notice", "已报送互查结果，得分 %s（满分 %s），整改事项 %d 项已通知%s".formatted(
						recorded.totalScore().toPlainString(), recorded.maxScore().toPlainString(),
						recorded.rectifications().size(), recorded.inspectedAgencyName()));
				return "redirect:/oversight/inspections/" + recorded.id();
			}
			catch (DomainException refused) {
				form.reject(refused.shownOnPage(), errors);
			}
		}
		form.fillRows();
		return showForm(inspector, id, model);
	}
}
