package org.liandong.oversight.web;

import java.util.List;

import org.liandong.assistance.AssistanceScore;
import org.liandong.assistance.AssistanceScoreboard;
import org.liandong.oversight.Evaluation;
import org.liandong.oversight.Evaluations;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.FileDownload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/evaluations")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "年度考评")
class EvaluationApiController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final String YEAR = "年份无效，请输入四位数年份，如 2026";

	private final Evaluations evaluations;
	private final AssistanceScoreboard scoreboard;

	EvaluationApiController(Evaluations evaluations, AssistanceScoreboard scoreboard) {
		this.evaluations = evaluations;
		this.scoreboard = scoreboard;
	}

	@GetMapping("/{year}")
	@Operation(summary = "本市各县（市、区）局的年度考评：各指标得分及其依据的记录、问责扣分、总分和名次；年度未结束时为暂定（provisional）")
	Evaluation evaluate(@AuthenticationPrincipal SignedInUser reader, @PathVariable @Min(value = 2000, message = YEAR) @Max(value = 9999, message = YEAR) int year) {
		return evaluations.evaluate(year, reader);
	}

	@GetMapping("/{year}/assistance")
	@Operation(summary = "协查办理情况（参考指标，不计分）：考评所列各单位作为协助单位，当年收到的请求数、按期受理率、平均答复工作日、"
			+ "按约定期限答复率和请求单位评价；无可统计事项时比率为 null")
	List<AssistanceScore> assistance(@AuthenticationPrincipal SignedInUser reader, @PathVariable @Min(value = 2000, message = YEAR) @Max(value = 9999, message = YEAR) int year) {
		return scoreboard.scores(year,
				evaluations.evaluate(year, reader).ranking().stream().map(Evaluation.BureauScore::agencyCode).toList());
	}

	@GetMapping("/{year}/export.xlsx")
	@ApiResponse(responseCode = "200", description = "Excel 工作簿", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "导出 Excel：考评结果与计分明细")
	ResponseEntity<byte[]> excel(@AuthenticationPrincipal SignedInUser reader, @PathVariable @Min(value = 2000, message = YEAR) @Max(value = 9999, message = YEAR) int year) {
		return excel(evaluations.excel(year, reader), year);
	}

	@PostMapping("/{year}/report")
	@Operation(summary = "印发年度考评结果通报（市局领导或执法支队；年度结束后、每年一次）；须经市局领导签发时执法支队印发即送签，市局领导印发即签发；PDF 经 /api/v1/documents/{reportDocumentId}.pdf 下载")
	Evaluation report(@AuthenticationPrincipal SignedInUser issuer, @PathVariable @Min(value = 2000, message = YEAR) @Max(value = 9999, message = YEAR) int year) {
		return evaluations.issueReport(year, issuer);
	}

	@PostMapping("/{year}/report/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "退回送签的年度考评结果通报（市局领导）：须在 text 中写明意见，通报不印发")
	Evaluation sendBackReport(@AuthenticationPrincipal SignedInUser leader, @PathVariable @Min(value = 2000, message = YEAR) @Max(value = 9999, message = YEAR) int year,
			@RequestBody(required = false) Comments comments) {
		return evaluations.sendBackReport(year, comments == null ? null : comments.text(), leader);
	}

	/** The leader's comments on sending the report back. */
	record Comments(String text) {
	}

	static ResponseEntity<byte[]> excel(byte[] workbook, int year) {
		return FileDownload.attachment(workbook, XLSX, "%d年度考评结果.xlsx".formatted(year));
	}
}
