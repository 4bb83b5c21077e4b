package org.liandong.encryption.web;

import org.liandong.encryption.FieldReEncryptions;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The system administrator's page for the re-encryption after a key rotation (issue 19): what it
 * does, a confirmed start, and each run's progress, which its page polls while it runs.
 */
@Controller
@RequestMapping("/admin/re-encryptions")
@PreAuthorize(Access.SYSTEM_ADMIN)
class ReEncryptionPage {

	private final FieldReEncryptions reEncryptions;

	ReEncryptionPage(FieldReEncryptions reEncryptions) {
		this.reEncryptions = reEncryptions;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("runs", reEncryptions.recent(20));
		return "encryption/re-encryptions";
	}

	@PostMapping
	@RefusalShownOn("/admin/re-encryptions")
	String start(@AuthenticationPrincipal SignedInUser administrator) {
		return "redirect:/admin/re-encryptions/" + reEncryptions.start(administrator.getUsername()).id();
	}

	@GetMapping("/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("r", reEncryptions.find(id));
		return "encryption/re-encryption";
	}

	/** The progress and result alone, which the run's page polls while it runs. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("r", reEncryptions.find(id));
		return "encryption/re-encryption :: progress";
	}
}
