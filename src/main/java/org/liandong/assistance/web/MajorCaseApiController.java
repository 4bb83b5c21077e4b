package org.liandong.assistance.web;

import org.liandong.assistance.MajorCases;
import org.liandong.assistance.MajorReportState;
import org.liandong.assistance.MajorReportSummary;
import org.liandong.assistance.MajorReportView;
import org.liandong.assistance.NewDesignation;
import org.liandong.assistance.NewMajorReport;
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

@RestController
@RequestMapping("/api/v1")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "重大案件与指定管辖")
class MajorCaseApiController {

	private final MajorCases majorCases;

	MajorCaseApiController(MajorCases majorCases) {
		this.majorCases = majorCases;
	}

	@PostMapping("/cases/{id}/major-report")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "向市局报告重大案件（参与该案件的单位）")
	MajorReportView report(@AuthenticationPrincipal SignedInUser reporter, @PathVariable long id,
			@RequestBody NewMajorReport report) {
		return majorCases.report(id, report, reporter);
	}

	@GetMapping("/major-reports")
	@Operation(summary = "重大案件报告：市局看本市全部（法制机构的待指定队列），县局看本单位报告的")
	PageResponse<MajorReportSummary> queue(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) MajorReportState state, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(majorCases.queue(state, reader, pageable));
	}

	@GetMapping("/major-reports/{id}")
	@Operation(summary = "重大案件报告及其指定管辖通知、各单位任务")
	MajorReportView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return majorCases.find(id, reader);
	}

	@PostMapping("/major-reports/{id}/designation")
	@PreAuthorize("hasRole('LEGAL_OFFICER')")
	@Operation(summary = "指定管辖（市局法制审核人员）：一个主办或两个以上合办，可加协办，各有任务和期限")
	MajorReportView designate(@AuthenticationPrincipal SignedInUser officer, @PathVariable long id,
			@RequestBody NewDesignation designation) {
		return majorCases.designate(id, designation, officer);
	}

	@PostMapping("/major-reports/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "签发指定管辖通知（市局领导）：签发时编号、加盖电子签章，指定管辖生效")
	MajorReportView signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) SignOffInput input) {
		return majorCases.signOff(id, input == null ? null : input.version(), leader);
	}

	@PostMapping("/major-reports/{id}/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "退回指定管辖通知稿（市局领导）：须在 text 中写明修改意见，报告回到法制机构待指定管辖")
	MajorReportView sendBack(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) SignOffInput input) {
		return majorCases.sendBack(id, input == null ? null : input.text(), input == null ? null : input.version(), leader);
	}

	@PostMapping("/major-reports/{id}/decline")
	@PreAuthorize("hasRole('LEGAL_OFFICER')")
	@Operation(summary = "不作为重大案件指定管辖，说明理由退回报告单位")
	MajorReportView decline(@AuthenticationPrincipal SignedInUser officer, @PathVariable long id,
			@RequestBody Decision decision) {
		return majorCases.decline(id, decision.reason(), decision.version(), officer);
	}

	@PostMapping("/major-reports/{id}/task-report")
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "被指定单位报告任务办理情况")
	MajorReportView reportTask(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody TaskReport report) {
		return majorCases.reportTask(id, report.report(), actor);
	}

	record Decision(String reason, Long version) {
	}

	/** The leader's comments (sending back only) and the version of the report the leader read. */
	record SignOffInput(String text, Long version) {
	}

	record TaskReport(String report) {
	}
}
