package org.liandong.credit.web;

import java.io.IOException;

import org.liandong.credit.CreditChecks;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditList;
import org.liandong.credit.EntryState;
import org.liandong.credit.Proposal;
import org.liandong.credit.Screening;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;

/** The credit pages: the check any bureau can use, bulk screening with progress, the list and its procedure. */
@Controller
@RequestMapping("/credit")
@PreAuthorize(Access.BUSINESS_USER)
class CreditPages {

	private final CreditChecks checks;
	private final CreditList list;

	CreditPages(CreditChecks checks, CreditList list) {
		this.checks = checks;
		this.list = list;
	}

	@GetMapping
	String check(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) String name, Model model) {
		model.addAttribute("uscc", uscc);
		model.addAttribute("name", name);
		if ((uscc != null && !uscc.isBlank()) || (name != null && !name.isBlank())) {
			try {
				model.addAttribute("result", checks.check(uscc, name, reader));
			}
			catch (DomainException refused) {
				model.addAttribute("problem", refused.shownOnPage().getMessage());
			}
		}
		return "credit/check";
	}

	@PostMapping("/screenings")
	@RefusalShownOn("/credit")
	String screen(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("empty-file", "请选择要筛查的文件（文件不能为空）");
		}
		Screening started = checks.screen(file.getOriginalFilename(), file.getBytes(), reader);
		return "redirect:/credit/screenings/" + started.id();
	}

	@GetMapping("/screenings/{id}")
	String screening(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		model.addAttribute("s", checks.screening(id, reader));
		return "credit/screening";
	}

	/** The progress bar alone, which the screening page polls while it runs. */
	@GetMapping("/screenings/{id}/progress")
	String progress(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		model.addAttribute("s", checks.screening(id, reader));
		return "credit/screening :: progress";
	}

	@GetMapping("/screenings/{id}/result")
	ResponseEntity<byte[]> result(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return CreditApiController.resultFile(checks, id, reader);
	}

	@GetMapping("/entries")
	String entries(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) EntryState state,
			@RequestParam(required = false) String subject, @PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("page", list.entries(state, subject, reader, pageable));
		model.addAttribute("state", state);
		model.addAttribute("subject", subject);
		model.addAttribute("states", EntryState.values());
		return "credit/entries";
	}

	@GetMapping("/entries/new")
	String proposalForm(@RequestParam long caseId, Model model) {
		model.addAttribute("caseId", caseId);
		return "credit/propose";
	}

	@PostMapping("/entries")
	String propose(@AuthenticationPrincipal SignedInUser proposer, @RequestParam long caseId,
			@RequestParam(required = false) String facts, @RequestParam(required = false) String legalBasis, Model model,
			RedirectAttributes redirect) {
		try {
			CreditEntryView entry = list.propose(new Proposal(caseId, facts, legalBasis), proposer);
			redirect.addFlashAttribute("notice", "已印发告知书 " + entry.noticeNumber() + "，进入陈述申辩期");
			return "redirect:/credit/entries/" + entry.id();
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().stream().map(v -> v.getMessage()).distinct()
				.reduce((a, b) -> a + "；" + b).orElse(""));
		}
		model.addAttribute("caseId", caseId);
		model.addAttribute("facts", facts);
		model.addAttribute("legalBasis", legalBasis);
		return "credit/propose";
	}

	@GetMapping("/entries/{id}")
	String entry(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		model.addAttribute("e", list.find(id, reader));
		model.addAttribute("decider", list.mayDecide(id, reader));
		return "credit/entry";
	}

	@PostMapping("/entries/{id}/{action}")
	@RefusalShownOn("/credit/entries/{id}")
	String act(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String text, @RequestParam(required = false) Boolean list,
			RedirectAttributes redirect) {
		switch (action) {
			case "defence" -> this.list.recordDefence(id, text, actor);
			case "decision" -> {
				if (list == null) {
					throw DomainException.invalid("decision-needs-choice", "请选择列入或不予列入");
				}
				this.list.decide(id, list, text, actor);
			}
			case "repair" -> this.list.repair(id, text, actor);
			default -> throw DomainException.notFound("unknown-action", "没有“%s”这项操作".formatted(action));
		}
		redirect.addFlashAttribute("notice", "已办理");
		return "redirect:/credit/entries/" + id;
	}
}
