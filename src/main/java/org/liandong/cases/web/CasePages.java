package org.liandong.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionLevel;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseFilter;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.CaseView;
import org.liandong.cases.Cases;
import org.liandong.cases.NewCase;
import org.liandong.cases.NewNotification;
import org.liandong.cases.PartyCheck;
import org.liandong.cases.PartyKind;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
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

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

/** The case pages: list with filters, registration with the host proposal, detail with timeline. */
@Controller
@RequestMapping("/cases")
@PreAuthorize(Access.BUSINESS_USER)
class CasePages {

	/** Refusals of the register shown next to the field they concern rather than above the form. */
	private static final Map<String, String> FIELD_OF_REFUSAL = Map.of("invalid-uscc", "partyUscc", "missing-uscc",
			"partyUscc", "invalid-id-number", "partyIdNumber", "missing-id-number", "partyIdNumber", "unknown-division",
			"divisionCode", "override-needs-reason", "hostOverrideReason", "no-host", "hostAgencyCode");

	private final Cases cases;
	private final Agencies agencies;
	private final WorkingCalendar calendar;

	CasePages(Cases cases, Agencies agencies, WorkingCalendar calendar) {
		this.cases = cases;
		this.agencies = agencies;
		this.calendar = calendar;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) Severity severity, @RequestParam(required = false) String violationType,
			@RequestParam(required = false) String agencyCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String party, @PageableDefault(size = 20) Pageable pageable, Model model) {
		CaseFilter filter = new CaseFilter(status, severity, violationType, agencyCode, from, to, party);
		model.addAttribute("page", cases.list(filter, reader, pageable));
		model.addAttribute("city", agencies.isCityLevel(reader.agencyCode()));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("emergencyAgencies", emergencyAgencies());
		return "cases/list";
	}

	@GetMapping("/new")
	@PreAuthorize(Access.CASE_OFFICER)
	String form(Model model) {
		// absent, or null when the posted form could not even be bound (a hostile post)
		if (!(model.getAttribute("newCase") instanceof NewCase)) {
			model.addAttribute("newCase", new NewCase(PartyKind.ENTERPRISE, "", "", "", SupervisionLevel.COUNTY, "", "",
					Severity.GENERAL, "", null, "", "", List.of()));
		}
		NewCase entered = (NewCase) model.getAttribute("newCase");
		model.addAttribute("proposal", entered.divisionCode() == null || entered.divisionCode().isBlank() ? null
				: cases.proposeHost(entered.divisionCode(), entered.supervisionLevel()));
		model.addAttribute("partyKinds", PartyKind.values());
		model.addAttribute("levels", SupervisionLevel.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("places", agencies.divisions().stream()
			.filter(d -> d.level() != DivisionLevel.PROVINCE)
			.toList());
		model.addAttribute("emergencyAgencies", emergencyAgencies());
		return "cases/new";
	}

	/** The host proposal for the place and level chosen so far, as a fragment for htmx. */
	@GetMapping("/host-proposal")
	String proposal(@RequestParam(required = false) String divisionCode,
			@RequestParam(required = false) SupervisionLevel supervisionLevel, Model model) {
		model.addAttribute("proposal", divisionCode == null || divisionCode.isBlank() || supervisionLevel == null ? null
				: cases.proposeHost(divisionCode, supervisionLevel));
		return "cases/new :: proposal";
	}

	@PostMapping
	@PreAuthorize(Access.CASE_OFFICER)
	String register(@AuthenticationPrincipal SignedInUser registrar, @Valid @ModelAttribute("newCase") NewCase newCase,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				CaseView registered = cases.register(newCase, registrar);
				redirect.addFlashAttribute("notice", "已立案登记，案号 " + registered.number());
				return "redirect:/cases/" + registered.id();
			}
			catch (DomainException refused) {
				String field = FIELD_OF_REFUSAL.get(refused.shownOnPage().code());
				if (field == null) {
					errors.reject(refused.code(), refused.getMessage());
				}
				else {
					errors.rejectValue(field, refused.code(), refused.getMessage());
				}
			}
		}
		return form(model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		CaseView found = cases.find(id, reader);
		model.addAttribute("c", found);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("recipients", emergencyAgencies().stream()
			.filter(agency -> !agency.code().equals(reader.agencyCode()))
			.toList());
		// the edit form shows what the editor typed when a save was refused, on the case's current version
		CaseChange draft = (CaseChange) model.getAttribute("draft");
		model.addAttribute("form", draft == null
				? new CaseChange(found.version(), found.status(), found.severity(), found.violationType(), found.summary(),
						null)
				: new CaseChange(found.version(), draft.status(), draft.severity(), draft.violationType(), draft.summary(),
						null));
		boolean caseOfficer = reader.hasRole("ENFORCER") || reader.hasRole("DETACHMENT_OFFICER");
		model.addAttribute("editable", caseOfficer && found.access() == CaseView.Access.FULL
				&& (found.hostAgencyCode().equals(reader.agencyCode())
						|| found.registeringAgencyCode().equals(reader.agencyCode())));
		// issue 22: other bureaus with open cases on the same party, to notify (R2.3) or ask (R2.4) at one click
		model.addAttribute("elsewhere", cases.partyElsewhere(id, reader));
		model.addAttribute("mayAskAssistance", caseOfficer && found.access() == CaseView.Access.FULL);
		model.addAttribute("readerAgency", reader.agencyCode());
		model.addAttribute("assistanceAnswerBy", calendar.endOfWorkingDays(Instant.now(), 10).atZone(ChineseTime.ZONE)
			.toLocalDate().minusDays(1));
		return "cases/detail";
	}

	/** Issue 22: an enforcer checks a party by USCC or ID number for open cases in other bureaus. */
	@GetMapping("/party-check")
	@PreAuthorize(Access.CASE_OFFICER)
	String partyCheck() {
		return "cases/party-check";
	}

	@PostMapping("/party-check")
	@PreAuthorize(Access.CASE_OFFICER)
	String checkParty(@AuthenticationPrincipal SignedInUser checker, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) String idNumber, Model model) {
		try {
			model.addAttribute("result", cases.checkParty(new PartyCheck(uscc, idNumber), checker));
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().iterator().next().getMessage());
		}
		// the ID number typed is not shown again: the result names it masked
		model.addAttribute("uscc", uscc);
		return "cases/party-check";
	}

	/** Issue 22, R2.7: the city bureau's list of the parties open in more than one bureau. */
	@GetMapping("/parties-in-several-bureaus")
	String partiesInSeveralBureaus(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", cases.partiesInSeveralBureaus(reader, pageable));
		return "cases/parties-in-several-bureaus";
	}

	@PostMapping("/{id}")
	@PreAuthorize(Access.CASE_OFFICER)
	String change(@AuthenticationPrincipal SignedInUser editor, @PathVariable long id,
			@ModelAttribute("draft") CaseChange change, Model model, RedirectAttributes redirect) {
		try {
			cases.change(id, change, editor);
			redirect.addFlashAttribute("notice", "已保存修改");
			return "redirect:/cases/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().iterator().next().getMessage());
		}
		return detail(editor, id, model);
	}

	@PostMapping("/{id}/notifications")
	@PreAuthorize(Access.CASE_NOTIFIER)
	@RefusalShownOn("/cases/{id}")
	String notify(@AuthenticationPrincipal SignedInUser sender, @PathVariable long id,
			@RequestParam(required = false) List<String> recipientCodes, @RequestParam(required = false) String message,
			RedirectAttributes redirect) {
		cases.notify(id, new NewNotification(recipientCodes == null ? List.of() : recipientCodes, message), sender);
		redirect.addFlashAttribute("notice", "已发出通报，送达和阅读情况见下方“通报”");
		return "redirect:/cases/" + id;
	}

	private List<AgencySummary> emergencyAgencies() {
		return agencies.all().stream().filter(agency -> agency.kind() != AgencyKind.EXTERNAL_DEPARTMENT)
			.toList();
	}
}
