package org.liandong.oversight.web;

import java.nio.charset.StandardCharsets;

import org.liandong.oversight.Evaluation;
import org.liandong.oversight.Evaluations;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluations")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "年度考评")
class EvaluationApiController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Evaluations evaluations;

	EvaluationApiController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@GetMapping("/{year}")
	@Operation(summary = "本市各县（市、区）局的年度考评：各指标得分及其依据的记录、问责扣分、总分和名次；年度未结束时为暂定（provisional）")
	Evaluation evaluate(@AuthenticationPrincipal SignedInUser reader, @PathVariable int year) {
		return evaluations.evaluate(year, reader);
	}

	@GetMapping("/{year}/export.xlsx")
	@Operation(summary = "导出 Excel：考评结果与计分明细")
	ResponseEntity<byte[]> excel(@AuthenticationPrincipal SignedInUser reader, @PathVariable int year) {
		return excel(evaluations.excel(year, reader), year);
	}

	@PostMapping("/{year}/report")
	@Operation(summary = "印发年度考评结果通报（市局领导或执法支队；年度结束后、每年一次）；PDF 经 /api/v1/documents/{reportDocumentId}.pdf 下载")
	Evaluation report(@AuthenticationPrincipal SignedInUser issuer, @PathVariable int year) {
		return evaluations.issueReport(year, issuer);
	}

	static ResponseEntity<byte[]> excel(byte[] workbook, int year) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("%d年度考评结果.xlsx".formatted(year), StandardCharsets.UTF_8).build().toString())
			.body(workbook);
	}
}
