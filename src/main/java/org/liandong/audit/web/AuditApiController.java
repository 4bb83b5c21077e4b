package org.liandong.audit.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import org.liandong.audit.AuditCheckpoints;
import org.liandong.audit.AuditCheckpoints.Checkpoint;
import org.liandong.audit.AuditTrail;
import org.liandong.audit.AuditTrail.AuditEntry;
import org.liandong.audit.AuditTrail.AuditQuery;
import org.liandong.audit.AuditTrail.ChainVerification;
import org.liandong.audit.AuditVerifications;
import org.liandong.audit.AuditVerifications.Verification;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The audit administrator's window on the trail (X1): read, verify and sign its head, nothing else. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize(Access.AUDIT_ADMIN)
@Tag(name = "审计")
class AuditApiController {

	private final AuditTrail trail;
	private final AuditExport export;
	private final AuditVerifications verifications;
	private final AuditCheckpoints checkpoints;

	AuditApiController(AuditTrail trail, AuditExport export, AuditVerifications verifications,
			AuditCheckpoints checkpoints) {
		this.trail = trail;
		this.export = export;
		this.verifications = verifications;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/records")
	@Operation(summary = "审计记录（分页，最新在前；可按操作人、操作类型、时间筛选）")
	PageResponse<AuditEntry> records(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@PageableDefault(size = 50) @ParameterObject Pageable pageable) {
		return PageResponse.of(trail.entries(new AuditQuery(actor, action, from, to), pageable));
	}

	@GetMapping("/records/export.csv")
	@ApiResponse(responseCode = "200", description = "CSV 文件", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "导出审计记录（CSV，含哈希；筛选条件同上，按序号升序）；导出本身记入审计")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			HttpServletResponse response) throws IOException {
		export.write(new AuditQuery(actor, action, from, to), response);
	}

	@GetMapping("/verification")
	@Operation(summary = "在本次请求中校验整条哈希链及全部检查点，报告第一处断裂（记录多时请用 POST /api/v1/audit/verifications 在后台校验）")
	ChainVerification verify() {
		return trail.verify();
	}

	@PostMapping("/verifications")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "在后台校验哈希链：核对每个检查点的 SM2 签名，重算检查点之间的记录；"
			+ "默认从上次校验确认的检查点之后开始，full=true 时从链起点开始。答复 202，Location 为其进度")
	ResponseEntity<Verification> startVerification(@AuthenticationPrincipal SignedInUser auditor,
			@RequestParam(defaultValue = "false") boolean full) {
		Verification started = verifications.start(full, auditor.getUsername());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/audit/verifications/" + started.id()))
			.body(started);
	}

	@GetMapping("/verifications/{id}")
	@Operation(summary = "后台校验的进度（已校验条数、总条数、百分比）与结果；被改动时指出在哪两个检查点之间")
	Verification verification(@PathVariable long id) {
		return verifications.find(id);
	}

	@GetMapping("/checkpoints")
	@Operation(summary = "哈希链检查点（最新在前）：链头序号、哈希、时间及其 SM2 签名")
	PageResponse<Checkpoint> checkpoints(@PageableDefault(size = 50) @ParameterObject Pageable pageable) {
		return PageResponse.of(checkpoints.list(pageable));
	}

	@PostMapping("/checkpoints")
	@Operation(summary = "立即以审计签名密钥签署当前链头（链头未变时答复最新的检查点）")
	Checkpoint makeCheckpoint() {
		return checkpoints.make()
			.orElseThrow(() -> DomainException.conflict("audit-trail-empty", "尚无审计记录，无可签署的链头"));
	}
}
