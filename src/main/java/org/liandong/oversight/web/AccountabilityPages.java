package org.liandong.oversight.web;

import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.oversight.Accountability;
import org.liandong.oversight.AccountabilityDecision;
import org.liandong.oversight.AccountabilityMeasure;
import org.liandong.oversight.AccountabilityState;
import org.liandong.oversight.AccountabilityView;
import org.liandong.oversight.NewAccountabilityRecord;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.beans.NotReadablePropertyException;
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

/** The accountability pages (R7.2): records, the opening form with the unit's conduct records, a record and its decision. */
@Controller
@RequestMapping("/oversight/accountability")
@PreAuthorize(Access.BUSINESS_USER)
class AccountabilityPages {

	/** Refusals of the service that concern one field of a form. */
	private static final Map<String, String> FIELD_OF_CODE = Map.of("unit-required", "agencyCode", "unknown-agency",
			"agencyCode", "not-accountable-unit", "agencyCode", "unknown-conduct", "conductIds",
			"conduct-of-another-unit", "conductIds", "other-measure-required", "otherMeasure");

	private final Accountability accountability;
	private final Agencies agencies;
	private final Validator validator;

	AccountabilityPages(Accountability accountability, Agencies agencies, Validator validator) {
		this.accountability = accountability;
		this.agencies = agencies;
		this.validator = validator;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) AccountabilityState state,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", accountability.list(state, reader, pageable));
		model.addAttribute("state", state);
		model.addAttribute("states", AccountabilityState.values());
		model.addAttribute("overseer", InspectionPages.inspector(reader, agencies));
		return "oversight/accountability/list";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal SignedInUser opener, @RequestParam(required = false) String agencyCode,
			Model model) {
		requireOverseer(opener);
		AccountabilityForms.Opening record = new AccountabilityForms.Opening();
		record.setAgencyCode(agencyCode);
		model.addAttribute("record", record);
		return showForm(opener, agencyCode, model);
	}

	/** The conduct records of the chosen unit, as a fragment of the form for htmx. */
	@GetMapping("/conduct")
	String conduct(@AuthenticationPrincipal SignedInUser opener, @RequestParam(required = false) String agencyCode,
			Model model) {
		requireOverseer(opener);
		model.addAttribute("record", new AccountabilityForms.Opening());
		model.addAttribute("conduct", conductOf(agencyCode, opener));
		return "oversight/accountability/form :: conduct";
	}

	@PostMapping
	String open(@AuthenticationPrincipal SignedInUser opener,
			@ModelAttribute("record") AccountabilityForms.Opening record, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		NewAccountabilityRecord input = record.toInput();
		if (AccountabilityForms.accepts(input, validator, errors)) {
			try {
				AccountabilityView opened = accountability.open(input, opener);
				redirect.addFlashAttribute("notice", "已立案问责，%s已收到通知".formatted(opened.agencyName()));
				return "redirect:/oversight/accountability/" + opened.id();
			}
			catch (DomainException refused) {
				reject(refused.shownOnPage(), errors);
			}
		}
		return showForm(opener, record.getAgencyCode(), model);
	}

	private String showForm(SignedInUser opener, String agencyCode, Model model) {
		model.addAttribute("units", units(opener));
		model.addAttribute("conduct", conductOf(agencyCode, opener));
		return "oversight/accountability/form";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		AccountabilityView record = accountability.find(id, reader);
		model.addAttribute("a", record);
		model.addAttribute("overseer", InspectionPages.inspector(reader, agencies));
		model.addAttribute("measures", AccountabilityMeasure.values());
		if (!model.containsAttribute("decisionForm")) {
			model.addAttribute("decisionForm", AccountabilityForms.Decision.of(record.version()));
		}
		return "oversight/accountability/detail";
	}

	@PostMapping("/{id}/decision")
	String decide(@AuthenticationPrincipal SignedInUser decider, @PathVariable long id,
			@ModelAttribute("decisionForm") AccountabilityForms.Decision decision, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		AccountabilityDecision input = decision.toInput();
		if (AccountabilityForms.accepts(input, validator, errors)) {
			try {
				AccountabilityView decided = accountability.decide(id, input, decider);
				redirect.addFlashAttribute("notice", "已作出问责决定：%s，年终考核扣 %d 分".formatted(decided.measuresText(),
						decided.deduction()));
				return "redirect:/oversight/accountability/" + id;
			}
			catch (DomainException refused) {
				reject(refused.shownOnPage(), errors);
			}
		}
		return detail(decider, id, model);
	}

	private void requireOverseer(SignedInUser user) {
		if (!InspectionPages.inspector(user, agencies)) {
			throw DomainException.forbidden("not-city-overseer", "只有市局领导和执法支队人员可以立案问责");
		}
	}

	private List<AccountabilityView.Conduct> conductOf(String agencyCode, SignedInUser opener) {
		if (agencyCode == null || agencyCode.isBlank()) {
			return null;
		}
		try {
			return accountability.conductOf(agencyCode, opener);
		}
		catch (DomainException unknownUnit) {
			unknownUnit.shownOnPage();
			return null;
		}
	}

	/** The units of the user's city that may be held to account: its offices and county bureaus. */
	private List<AgencySummary> units(SignedInUser user) {
		String city = InspectionPages.cityOf(user, agencies);
		return agencies.all().stream()
			.filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT && a.kind() != AgencyKind.CITY_BUREAU
					&& city.equals(a.parentCode()))
			.toList();
	}

	private static void reject(DomainException refused, BindingResult errors) {
		String field = FIELD_OF_CODE.get(refused.code());
		if (field == null) {
			errors.reject(refused.code(), refused.getMessage());
		}
		else {
			try {
				errors.rejectValue(field, refused.code(), refused.getMessage());
			}
			catch (NotReadablePropertyException noSuchField) {
				errors.reject(refused.code(), refused.getMessage());
			}
		}
	}
}
