package org.liandong.documents.web;

import java.nio.charset.StandardCharsets;

import org.liandong.documents.Documents;
import org.liandong.documents.IssuedDocument;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "公文")
class DocumentApiController {

	private final Documents documents;

	DocumentApiController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/{id}")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文（文号、标题、主送、正文）：仅发文单位、主送单位和市局可看")
	IssuedDocument find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return documents.find(id, reader);
	}

	@GetMapping(path = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "公文 PDF（GB/T 9704 版式，字体内嵌）：仅发文单位、主送单位和市局可下载")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return pdfResponse(documents, id, reader);
	}

	/** The PDF as a download named after its document number. */
	static ResponseEntity<byte[]> pdfResponse(Documents documents, long id, SignedInUser reader) {
		IssuedDocument document = documents.find(id, reader);
		byte[] pdf = documents.pdf(id, reader);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(document.number() + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

	@GetMapping("/issuers/{agencyCode}")
	@Operation(summary = "机构的公文编号机关代字")
	Issuer prefix(@PathVariable String agencyCode) {
		return new Issuer(agencyCode, documents.prefixOf(agencyCode));
	}

	@PutMapping("/issuers/{agencyCode}")
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "设置机构的公文编号机关代字（系统管理员），如“新华应急”")
	Issuer setPrefix(@PathVariable String agencyCode, @RequestBody Issuer issuer) {
		return new Issuer(agencyCode, documents.setPrefix(agencyCode, issuer.prefix()));
	}

	record Issuer(String agencyCode, String prefix) {
	}
}
