package org.liandong.documents.web;

import java.io.IOException;
import java.util.Arrays;

import org.liandong.documents.DocumentVerification;
import org.liandong.documents.Documents;
import org.liandong.platform.DomainException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A formal document as a page in the official layout, and its PDF for download (X3). */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class DocumentPages {

	private final Documents documents;
	private final DocumentVerification verification;

	DocumentPages(Documents documents, DocumentVerification verification) {
		this.documents = documents;
		this.verification = verification;
	}

	/** Verification for any bureau: upload a PDF, or follow a document's "验证签章" link (issue 12). */
	@GetMapping("/documents/verify")
	String verifyForm(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) Long id,
			Model model) {
		if (id != null) {
			try {
				model.addAttribute("result", verification.verify(id, reader));
			}
			catch (DomainException refused) {
				model.addAttribute("problem", refused.shownOnPage().getMessage());
			}
		}
		return "documents/verify";
	}

	@PostMapping("/documents/verify")
	String verifyPdf(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw DomainException.invalid("empty-file", "请选择要验证的 PDF 文件（文件不能为空）");
			}
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("result", verification.verifyPdf(file.getBytes()));
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		return "documents/verify";
	}

	@GetMapping("/documents/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return DocumentApiController.pdfResponse(documents, id, reader);
	}

	@GetMapping("/documents/{id}/evidences.zip")
	ResponseEntity<byte[]> evidencePackage(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return DocumentApiController.evidencePackageResponse(documents, id, reader);
	}

	@GetMapping("/documents/{id}")
	String document(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		IssuedDocument document = documents.open(id, reader);
		String[] lines = document.body().split("\n");
		// the first line of a letter is its addressee ("某某局："), printed flush left above the body
		boolean addresseeLine = lines.length > 1 && lines[0].endsWith("：");
		model.addAttribute("d", document);
		model.addAttribute("salutation", addresseeLine ? lines[0] : null);
		model.addAttribute("paragraphs", Arrays.asList(lines).subList(addresseeLine ? 1 : 0, lines.length));
		// the receipts are the evidences of the opening: read once (the list shows them with the other stages)
		model.addAttribute("evidences", documents.evidences(id, reader));
		model.addAttribute("issuedOn", document.issuedAt().atZone(ChineseTime.ZONE).toLocalDate());
		return "documents/letter";
	}
}
