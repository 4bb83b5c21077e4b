package org.liandong.assistance.web;

import org.liandong.assistance.DispatchState;
import org.liandong.assistance.DispatchView;
import org.liandong.assistance.Dispatches;
import org.liandong.assistance.NewDispatch;
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
@RequestMapping("/api/v1/dispatches")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "市局督办")
class DispatchApiController {

	private final Dispatches dispatches;

	DispatchApiController(Dispatches dispatches) {
		this.dispatches = dispatches;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('LEADER', 'DETACHMENT_OFFICER')")
	@Operation(summary = "督办（市局领导、执法支队）：指令一个单位在期限内办理案件事项，印发督办通知")
	DispatchView issue(@AuthenticationPrincipal SignedInUser issuer, @RequestBody NewDispatch dispatch) {
		return dispatches.issue(dispatch, issuer);
	}

	@GetMapping
	@Operation(summary = "督办事项：市局看全部，县局看督办本单位的")
	PageResponse<DispatchView> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) DispatchState state, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(dispatches.list(state, reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "督办事项详情")
	DispatchView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return dispatches.find(id, reader);
	}

	@PostMapping("/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "签发督办通知（市局领导）：签发时编号、加盖电子签章并发出，签发人为本人")
	DispatchView signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) SignOffInput input) {
		return dispatches.signOff(id, input == null ? null : input.version(), leader);
	}

	@PostMapping("/{id}/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "退回督办通知稿（市局领导）：须在 text 中写明意见；退回的督办不发出")
	DispatchView sendBack(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) SignOffInput input) {
		return dispatches.sendBack(id, input == null ? null : input.text(), input == null ? null : input.version(), leader);
	}

	@PostMapping("/{id}/report")
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "承办单位报告办理情况")
	DispatchView report(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody Report report) {
		return dispatches.report(id, report.report(), report.version(), actor);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAnyRole('LEADER', 'DETACHMENT_OFFICER')")
	@Operation(summary = "市局确认办结")
	DispatchView close(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@RequestBody(required = false) Report report) {
		return dispatches.close(id, report == null ? null : report.version(), actor);
	}

	record Report(String report, Long version) {
	}

	/** The leader's comments (sending back only) and the version of the dispatch the leader read. */
	record SignOffInput(String text, Long version) {
	}
}
