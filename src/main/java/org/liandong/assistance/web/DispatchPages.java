package org.liandong.assistance.web;

import java.time.LocalDate;

import org.liandong.assistance.DispatchState;
import org.liandong.assistance.DispatchView;
import org.liandong.assistance.Dispatches;
import org.liandong.assistance.NewDispatch;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;

/** The dispatch pages: the list, a dispatch with the bureau's report, the dispatch form on a case. */
@Controller
@RequestMapping("/dispatches")
@PreAuthorize(Access.BUSINESS_USER)
class DispatchPages {

	private final Dispatches dispatches;

	DispatchPages(Dispatches dispatches) {
		this.dispatches = dispatches;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) DispatchState state,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", dispatches.list(state, reader, pageable));
		model.addAttribute("state", state);
		model.addAttribute("states", DispatchState.values());
		return "dispatch/list";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('LEADER', 'DETACHMENT_OFFICER')")
	@RefusalShownOn("/cases/{caseId}")
	String issue(@AuthenticationPrincipal SignedInUser issuer, @RequestParam long caseId,
			@RequestParam(required = false) String agencyCode, @RequestParam(required = false) String instruction,
			@RequestParam(required = false) LocalDate dueOn, RedirectAttributes redirect) {
		try {
			DispatchView issued = dispatches.issue(new NewDispatch(caseId, agencyCode, instruction, dueOn), issuer);
			redirect.addFlashAttribute("notice", issued.state() == DispatchState.AWAITING_SIGN_OFF
					? "已送市局领导签发，签发后督办通知编号并发出" : "已督办，通知文号 " + issued.number());
			return "redirect:/dispatches/" + issued.id();
		}
		catch (ConstraintViolationException invalid) {
			redirect.addFlashAttribute("problem", invalid.getConstraintViolations().stream().map(v -> v.getMessage())
				.distinct().reduce((a, b) -> a + "；" + b).orElse(""));
		}
		return "redirect:/cases/" + caseId;
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		DispatchView found = dispatches.find(id, reader);
		model.addAttribute("d", found);
		boolean officer = reader.hasRole("ENFORCER") || reader.hasRole("DETACHMENT_OFFICER");
		model.addAttribute("mayReport", officer && found.state() == DispatchState.SENT
				&& found.agencyCode().equals(reader.agencyCode()));
		model.addAttribute("mayClose", (reader.hasRole("LEADER") || reader.hasRole("DETACHMENT_OFFICER"))
				&& found.state() == DispatchState.REPORTED && !found.agencyCode().equals(reader.agencyCode()));
		// the notice's draft is shown only to the city, so a leader who reads it signs for the city
		model.addAttribute("maySignOff", reader.hasRole("LEADER") && found.draftNotice() != null);
		return "dispatch/detail";
	}

	@PostMapping("/{id}/report")
	@PreAuthorize(Access.CASE_OFFICER)
	@RefusalShownOn("/dispatches/{id}")
	String report(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String report,
			RedirectAttributes redirect) {
		dispatches.report(id, report, version, actor);
		redirect.addFlashAttribute("notice", "已报告办理情况");
		return "redirect:/dispatches/" + id;
	}

	@PostMapping("/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/dispatches/{id}")
	String signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		DispatchView sent = dispatches.signOff(id, version, leader);
		redirect.addFlashAttribute("notice", "已签发，督办通知文号 " + sent.number());
		return "redirect:/dispatches/" + id;
	}

	@PostMapping("/{id}/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/dispatches/{id}")
	String sendBack(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		dispatches.sendBack(id, text, version, leader);
		redirect.addFlashAttribute("notice", "已退回，该督办未发出");
		return "redirect:/dispatches/" + id;
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAnyRole('LEADER', 'DETACHMENT_OFFICER')")
	@RefusalShownOn("/dispatches/{id}")
	String close(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		dispatches.close(id, version, actor);
		redirect.addFlashAttribute("notice", "督办事项已办结");
		return "redirect:/dispatches/" + id;
	}
}
