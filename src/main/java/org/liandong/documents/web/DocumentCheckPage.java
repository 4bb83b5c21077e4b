package org.liandong.documents.web;

import org.liandong.documents.DocumentVerification;
import org.liandong.documents.PrintedCheck;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a printed document's QR code opens (issue 21), open to anyone who holds the paper, signed
 * in or not: a company served a notice, another department, a court. It shows the record only when
 * the code's id and SM3 digest both match one.
 */
@Controller
class DocumentCheckPage {

	private final DocumentVerification verification;

	DocumentCheckPage(DocumentVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/documents/check")
	String check(@RequestParam(required = false) Long id, @RequestParam(name = "d", required = false) String digest,
			Model model) {
		model.addAttribute("check", id == null ? PrintedCheck.notFound() : verification.checkPrinted(id, digest));
		return "documents/check";
	}
}
