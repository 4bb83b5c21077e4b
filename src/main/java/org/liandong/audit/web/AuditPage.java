package org.liandong.audit.web;

import java.io.IOException;

import org.liandong.audit.AuditCheckpoints;
import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditTrail.AuditQuery;
import org.liandong.audit.AuditVerifications;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.PageRequest;
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

import jakarta.servlet.http.HttpServletResponse;

@Controller
@RequestMapping("/audit")
@PreAuthorize(Access.AUDIT_ADMIN)
class AuditPage {

	private final AuditTrail trail;
	private final AuditExport export;
	private final AuditVerifications verifications;
	private final AuditCheckpoints checkpoints;

	AuditPage(AuditTrail trail, AuditExport export, AuditVerifications verifications, AuditCheckpoints checkpoints) {
		this.trail = trail;
		this.export = export;
		this.verifications = verifications;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			HttpServletResponse response) throws IOException {
		export.write(new AuditQuery(actor, action, null, null), response);
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@PageableDefault(size = 30) Pageable pageable, Model model) {
		model.addAttribute("page", trail.entries(new AuditQuery(actor, action, null, null), pageable));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("checkpoint", checkpoints.list(PageRequest.of(0, 1)).stream().findFirst().orElse(null));
		model.addAttribute("publicKey", checkpoints.publicKey());
		model.addAttribute("verification", verifications.latest().orElse(null));
		return "audit/list";
	}

	/** Issue 19: the verification runs in the background; its page shows the progress. */
	@PostMapping("/verifications")
	String verify(@AuthenticationPrincipal SignedInUser auditor, @RequestParam(defaultValue = "false") boolean full) {
		return "redirect:/audit/verifications/" + verifications.start(full, auditor.getUsername()).id();
	}

	@GetMapping("/verifications/{id}")
	String verification(@PathVariable long id, Model model) {
		model.addAttribute("v", verifications.find(id));
		return "audit/verification";
	}

	/** The progress and result alone, which the verification's page polls while it runs. */
	@GetMapping("/verifications/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("v", verifications.find(id));
		return "audit/verification :: progress";
	}

	@PostMapping("/checkpoints")
	String checkpoint(RedirectAttributes redirect) {
		checkpoints.make().ifPresentOrElse(
				c -> redirect.addFlashAttribute("notice", "链头已签署：第 %d 号检查点，第 %d 条记录".formatted(c.number(), c.lastSeq())),
				() -> redirect.addFlashAttribute("problem", "尚无审计记录，无可签署的链头"));
		return "redirect:/audit";
	}
}
