package org.liandong.oversight.web;

import org.liandong.oversight.InspectionCampaign;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.Inspections;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.NewInspectionCampaign;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Mutual inspection campaigns over the API (R2.6). */
@RestController
@RequestMapping("/api/v1/inspections/campaigns")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "督导检查与互查")
class InspectionCampaignApiController {

	private final Inspections inspections;

	InspectionCampaignApiController(Inspections inspections) {
		this.inspections = inspections;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "组织互查（市局领导、执法支队）：名称、年度、期间、参加的本市县（市、区）局（至少两个）；系统提出互查方案：不自查，三个及以上单位时不两两互查")
	InspectionCampaign create(@AuthenticationPrincipal SignedInUser planner, @RequestBody NewInspectionCampaign campaign) {
		return inspections.createCampaign(campaign, planner);
	}

	@GetMapping
	@Operation(summary = "互查（市局看本市全部；县局看本单位参加且已确认的）")
	PageResponse<InspectionCampaign> list(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(inspections.campaigns(reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "互查及其方案：谁检查谁，各单位是否已报送检查结果")
	InspectionCampaign find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return inspections.campaign(id, reader);
	}

	@PostMapping("/{id}/proposal")
	@Operation(summary = "重新生成互查方案（确认前，市局）")
	InspectionCampaign proposeAgain(@AuthenticationPrincipal SignedInUser planner, @PathVariable long id) {
		return inspections.proposeAgain(id, planner);
	}

	@PostMapping("/{id}/confirmation")
	@Operation(summary = "确认互查方案（市局）：方案不再变化，各检查单位收到互查任务；version 为所核对方案的版本，方案已变时答复 409")
	InspectionCampaign confirm(@AuthenticationPrincipal SignedInUser planner, @PathVariable long id,
			@RequestBody(required = false) Confirmation confirmation) {
		return inspections.confirm(id, confirmation == null ? null : confirmation.version(), planner);
	}

	@PostMapping("/{id}/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "报送互查结果（检查单位的执法人员或局领导）：检查日期、检查人员、检查内容及得分、检查发现、整改事项；被检查单位按方案确定，可不填")
	InspectionView record(@AuthenticationPrincipal SignedInUser inspector, @PathVariable long id,
			@RequestBody NewInspection inspection) {
		return inspections.recordMutual(id, inspection, inspector);
	}

	record Confirmation(Long version) {
	}
}
