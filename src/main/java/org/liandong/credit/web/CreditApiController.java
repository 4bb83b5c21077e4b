package org.liandong.credit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.liandong.credit.CreditCheck;
import org.liandong.credit.CreditChecks;
import org.liandong.credit.CreditEntryView;
import org.liandong.credit.CreditList;
import org.liandong.credit.EntryState;
import org.liandong.credit.Proposal;
import org.liandong.credit.Screening;
import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.FileDownload;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/credit")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "严重失信主体名单与信用核查")
class CreditApiController {

	private final CreditChecks checks;
	private final CreditList list;

	CreditApiController(CreditChecks checks, CreditList list) {
		this.checks = checks;
		this.list = list;
	}

	@GetMapping("/checks")
	@Operation(summary = "信用核查：按统一社会信用代码（校验码错误答复 400）或名称；答复是否列入、列入决定及各联合惩戒单位的措施。每次核查均记入审计")
	CreditCheck check(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) @Parameter(description = "统一社会信用代码（GB 32100-2015），18 位，第 18 位为校验码；小写字母按大写处理", schema = @Schema(pattern = "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$", example = "91410402MA44JC1W0Y")) String uscc,
			@RequestParam(required = false) String name) {
		return checks.check(uscc, name, reader);
	}

	@PostMapping(path = "/screenings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "批量筛查：上传 CSV 或 Excel（表头含“统一社会信用代码”，可有“名称”），后台筛查，查询进度后下载结果")
	Screening screen(@AuthenticationPrincipal SignedInUser reader, @RequestPart("file") MultipartFile file)
			throws IOException {
		return checks.screen(file.getOriginalFilename(), file.getBytes(), reader);
	}

	@GetMapping("/screenings/{id}")
	@Operation(summary = "批量筛查的进度")
	Screening screening(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return checks.screening(id, reader);
	}

	@GetMapping("/screenings/{id}/result")
	@ApiResponse(responseCode = "200", description = "CSV 文件", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "批量筛查结果（CSV，逐行列出结果；无法筛查的行注明行号和原因）")
	ResponseEntity<byte[]> result(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return resultFile(checks, id, reader);
	}

	static ResponseEntity<byte[]> resultFile(CreditChecks checks, long id, SignedInUser reader) {
		return FileDownload.attachment(checks.screeningResult(id, reader), new MediaType("text", "csv", StandardCharsets.UTF_8),
				"筛查结果-" + id + ".csv");
	}

	@PostMapping("/entries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "提出列入严重失信主体名单（基于重大案件）：印发告知书，进入陈述申辩期")
	CreditEntryView propose(@AuthenticationPrincipal SignedInUser proposer, @RequestBody Proposal proposal) {
		return list.propose(proposal, proposer);
	}

	@GetMapping("/entries")
	@Operation(summary = "严重失信主体名单及其程序（可按状态、统一社会信用代码或名称筛选）")
	PageResponse<CreditEntryView> entries(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) EntryState state, @RequestParam(required = false) String subject,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(list.entries(state, subject, reader, pageable));
	}

	@GetMapping("/entries/{id}")
	@Operation(summary = "名单记录：告知、陈述申辩、决定、公示、修复各步骤及其公文")
	CreditEntryView entry(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return list.find(id, reader);
	}

	@PostMapping("/entries/{id}/defence")
	@Operation(summary = "记录当事人的陈述申辩（市局法制审核人员）")
	CreditEntryView defence(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Statement statement) {
		return list.recordDefence(id, statement.statement(), actor);
	}

	@PostMapping("/entries/{id}/decision")
	@Operation(summary = "作出列入或不予列入的决定（陈述申辩期满或已记录申辩后），印发决定书")
	CreditEntryView decide(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Decision decision) {
		if (decision.list() == null) {
			// a forgotten field must not quietly mean "not listed"
			throw DomainException.invalid("decision-needs-choice", "请选择决定列入（list: true）或不予列入（list: false）");
		}
		return list.decide(id, decision.list(), decision.reason(), actor);
	}

	@PostMapping("/entries/{id}/repair")
	@Operation(summary = "信用修复（满最短公示期后），印发信用修复决定书，移出名单")
	CreditEntryView repair(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Statement reason) {
		return list.repair(id, reason.statement(), actor);
	}

	record Statement(String statement) {
	}

	record Decision(Boolean list, String reason) {
	}
}
