package org.liandong.audit.web;

import java.io.IOException;
import java.time.Instant;

import org.liandong.audit.AuditTrail;
import org.liandong.platform.Access;
import org.liandong.audit.AuditTrail.AuditEntry;
import org.liandong.audit.AuditTrail.AuditQuery;
import org.liandong.audit.AuditTrail.ChainVerification;
import org.liandong.platform.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The audit administrator's window on the trail (X1): read and verify, nothing else. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize(Access.AUDIT_ADMIN)
@Tag(name = "审计")
class AuditApiController {

	private final AuditTrail trail;
	private final AuditExport export;

	AuditApiController(AuditTrail trail, AuditExport export) {
		this.trail = trail;
		this.export = export;
	}

	@GetMapping("/records")
	@Operation(summary = "审计记录（分页，最新在前；可按操作人、操作类型、时间筛选）")
	PageResponse<AuditEntry> records(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@PageableDefault(size = 50) Pageable pageable) {
		return PageResponse.of(trail.entries(new AuditQuery(actor, action, from, to), pageable));
	}

	@GetMapping("/records/export.csv")
	@Operation(summary = "导出审计记录（CSV，含哈希；筛选条件同上，按序号升序）；导出本身记入审计")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			HttpServletResponse response) throws IOException {
		export.write(new AuditQuery(actor, action, from, to), response);
	}

	@GetMapping("/verification")
	@Operation(summary = "校验审计记录哈希链，报告第一处断裂")
	ChainVerification verify() {
		return trail.verify();
	}
}
