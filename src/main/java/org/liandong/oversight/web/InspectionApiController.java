package org.liandong.oversight.web;

import org.liandong.oversight.InspectionKind;
import org.liandong.oversight.InspectionSummary;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.RectificationView;
import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Supervision inspections and rectification items over the API (R8.1). */
@RestController
@RequestMapping("/api/v1/inspections")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "督导检查与互查")
class InspectionApiController {

	private final Inspections inspections;

	InspectionApiController(Inspections inspections) {
		this.inspections = inspections;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "记录督导检查（市局领导、执法支队）：检查日期、检查人员、检查内容及分值得分（总分自动合计）、检查发现、整改事项及期限；被检查单位收到消息，每项整改成为其待办")
	InspectionView record(@AuthenticationPrincipal SignedInUser inspector, @RequestBody NewInspection inspection) {
		return inspections.recordSupervision(inspection, inspector);
	}

	@GetMapping
	@Operation(summary = "检查记录（被检查、检查的单位看本单位的，市局看本市全部）；kind=SUPERVISION 督导检查、MUTUAL 互查")
	PageResponse<InspectionSummary> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) InspectionKind kind, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(inspections.list(kind, reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "检查记录：检查内容与得分、检查发现、整改事项及其报告")
	InspectionView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return inspections.find(id, reader);
	}

	@GetMapping("/rectifications")
	@Operation(summary = "整改事项（本单位应整改的；市局看本市全部），open=true 只看未报告整改的")
	PageResponse<RectificationView> rectifications(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(defaultValue = "false") boolean open, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(inspections.rectifications(open, reader, pageable));
	}

	@PostMapping("/rectifications/{id}/report")
	@Operation(summary = "报告整改情况（被检查单位）：写明做了什么、结果如何；该整改事项随之办结")
	RectificationView report(@AuthenticationPrincipal SignedInUser owner, @PathVariable long id,
			@RequestBody RectificationReport report) {
		return inspections.reportRectification(id, report.report(), owner);
	}

	record RectificationReport(String report) {
	}
}
