package org.liandong.audit.web;

import java.io.IOException;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.Access;
import org.liandong.audit.AuditTrail.AuditQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

@Controller
@RequestMapping("/audit")
@PreAuthorize(Access.AUDIT_ADMIN)
class AuditPage {

	private final AuditTrail trail;
	private final AuditExport export;

	AuditPage(AuditTrail trail, AuditExport export) {
		this.trail = trail;
		this.export = export;
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
		return "audit/list";
	}

	@PostMapping("/verification")
	String verify(Model model) {
		model.addAttribute("result", trail.verify());
		return "audit/verification";
	}
}
