package org.liandong.documents.web;

import java.util.Arrays;

import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A formal document as a page in the official layout, and its PDF for download (X3). */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class DocumentPages {

	private final Documents documents;

	DocumentPages(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/documents/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return DocumentApiController.pdfResponse(documents, id, reader);
	}

	@GetMapping("/documents/{id}")
	String document(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		IssuedDocument document = documents.find(id, reader);
		String[] lines = document.body().split("\n");
		// the first line of a letter is its addressee ("某某局："), printed flush left above the body
		boolean addresseeLine = lines.length > 1 && lines[0].endsWith("：");
		model.addAttribute("d", document);
		model.addAttribute("salutation", addresseeLine ? lines[0] : null);
		model.addAttribute("paragraphs", Arrays.asList(lines).subList(addresseeLine ? 1 : 0, lines.length));
		model.addAttribute("issuedOn", document.issuedAt().atZone(ChineseTime.ZONE).toLocalDate());
		return "documents/letter";
	}
}
