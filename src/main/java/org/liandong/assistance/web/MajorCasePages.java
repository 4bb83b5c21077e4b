package org.liandong.assistance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.assistance.MajorCases;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewDesignation;
import org.liandong.assistance.NewMajorReport;
import org.liandong.cases.Cases;
import org.liandong.cases.ParticipantRole;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;

/** The major-case pages: the legal office's queue, a report with its designation, the report form on a case. */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class MajorCasePages {

	/** Rows of the designation form: enough for a lead and several assisting or joint agencies. */
	static final int DESIGNATION_ROWS = 5;

	private final MajorCases majorCases;
	private final Agencies agencies;
	private final Cases cases;

	MajorCasePages(MajorCases majorCases, Agencies agencies, Cases cases) {
		this.majorCases = majorCases;
		this.cases = cases;
		this.agencies = agencies;
	}

	@GetMapping("/major-reports")
	String queue(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) MajorReportState state,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", majorCases.queue(state, reader, pageable));
		model.addAttribute("state", state);
		model.addAttribute("states", MajorReportState.values());
		return "major/list";
	}

	@PostMapping("/cases/{caseId}/major-report")
	@PreAuthorize(Access.CASE_OFFICER)
	@RefusalShownOn("/cases/{caseId}")
	String report(@AuthenticationPrincipal SignedInUser reporter, @PathVariable long caseId,
			@RequestParam(required = false) String facts, RedirectAttributes redirect) {
		// a case the reporter cannot see is not found, before anything is said about the form
		cases.brief(caseId, reporter);
		try {
			MajorReportView report = majorCases.report(caseId, new NewMajorReport(facts), reporter);
			redirect.addFlashAttribute("notice", "已报告市局，等待法制机构指定管辖");
			return "redirect:/major-reports/" + report.id();
		}
		catch (ConstraintViolationException invalid) {
			redirect.addFlashAttribute("problem", invalid.getConstraintViolations().iterator().next().getMessage());
		}
		return "redirect:/cases/" + caseId;
	}

	@GetMapping("/major-reports/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		MajorReportView report = majorCases.find(id, reader);
		model.addAttribute("m", report);
		model.addAttribute("decider", majorCases.decides(report, reader));
		model.addAttribute("signatory", majorCases.signsOff(report, reader));
		model.addAttribute("designationSignOff", majorCases.needsSignOff(report));
		model.addAttribute("roles", ParticipantRole.values());
		model.addAttribute("agencies", AssistancePages.emergencyAgencies(agencies));
		model.addAttribute("rows", java.util.stream.IntStream.range(0, DESIGNATION_ROWS).boxed().toList());
		model.addAttribute("myTask", report.designation() == null ? null : report.designation().tasks().stream()
			.filter(t -> t.agencyCode().equals(reader.agencyCode()) && t.reportedAt() == null)
			.findFirst()
			.orElse(null));
		return "major/detail";
	}

	@PostMapping("/major-reports/{id}/designation")
	@PreAuthorize("hasRole('LEGAL_OFFICER')")
	String designate(@AuthenticationPrincipal SignedInUser officer, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String instructions,
			@RequestParam(name = "agencyCode", required = false) List<String> codes,
			@RequestParam(name = "role", required = false) List<ParticipantRole> roles,
			@RequestParam(name = "task", required = false) List<String> tasks,
			@RequestParam(name = "dueOn", required = false) List<LocalDate> dues, Model model,
			RedirectAttributes redirect) {
		// the form has a fixed number of rows; a row without an agency is an unused row
		List<NewDesignation.Party> parties = new ArrayList<>();
		for (int i = 0; codes != null && i < codes.size(); i++) {
			if (codes.get(i) != null && !codes.get(i).isBlank()) {
				parties.add(new NewDesignation.Party(codes.get(i), at(roles, i), at(tasks, i), at(dues, i)));
			}
		}
		try {
			MajorReportView done = majorCases.designate(id, new NewDesignation(instructions, parties, version), officer);
			redirect.addFlashAttribute("notice", done.designation() == null ? "已送市局领导签发，签发后印发通知、指定管辖生效"
					: "已指定管辖，通知文号 " + done.designation().number());
			return "redirect:/major-reports/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().stream().map(v -> v.getMessage()).distinct()
				.reduce((a, b) -> a + "；" + b).orElse(""));
		}
		model.addAttribute("typedInstructions", instructions);
		model.addAttribute("typedParties", parties);
		return detail(officer, id, model);
	}

	@PostMapping("/major-reports/{id}/decline")
	@PreAuthorize("hasRole('LEGAL_OFFICER')")
	@RefusalShownOn("/major-reports/{id}")
	String decline(@AuthenticationPrincipal SignedInUser officer, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		majorCases.decline(id, reason, version, officer);
		redirect.addFlashAttribute("notice", "已退回报告单位");
		return "redirect:/major-reports/" + id;
	}

	@PostMapping("/major-reports/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/major-reports/{id}")
	String signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		MajorReportView done = majorCases.signOff(id, version, leader);
		redirect.addFlashAttribute("notice", "已签发，指定管辖通知文号 " + done.designation().number());
		return "redirect:/major-reports/" + id;
	}

	@PostMapping("/major-reports/{id}/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/major-reports/{id}")
	String sendBack(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		majorCases.sendBack(id, text, version, leader);
		redirect.addFlashAttribute("notice", "已退回法制机构修改");
		return "redirect:/major-reports/" + id;
	}

	@PostMapping("/major-reports/{id}/task-report")
	@PreAuthorize(Access.CASE_OFFICER)
	@RefusalShownOn("/major-reports/{id}")
	String reportTask(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestParam(required = false) String report, RedirectAttributes redirect) {
		majorCases.reportTask(id, report, actor);
		redirect.addFlashAttribute("notice", "已报告办理情况");
		return "redirect:/major-reports/" + id;
	}

	private static <T> T at(List<T> values, int i) {
		return values == null || i >= values.size() ? null : values.get(i);
	}
}
