package org.liandong.assistance.web;

import java.io.IOException;

import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestSummary;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.AttachmentView;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.Upload;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/assistance-requests")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "协查请求")
class AssistanceApiController {

	private final AssistanceRequests requests;

	AssistanceApiController(AssistanceRequests requests) {
		this.requests = requests;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "起草协查请求（请求单位执法人员）；发出后才编号、计时")
	AssistanceRequestView create(@AuthenticationPrincipal SignedInUser requester,
			@RequestBody NewAssistanceRequest request) {
		return requests.create(request, requester);
	}

	@PutMapping("/{id}")
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "修改草稿或被退回的协查请求（须带所见版本号）")
	AssistanceRequestView revise(@AuthenticationPrincipal SignedInUser requester, @PathVariable long id,
			@RequestBody NewAssistanceRequest revision) {
		return requests.revise(id, revision, requester);
	}

	@GetMapping
	@Operation(summary = "协查请求列表：role=incoming（请本单位协助）、outgoing（本单位发出）、all（市局）；可筛选状态、逾期")
	PageResponse<AssistanceRequestSummary> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(defaultValue = "incoming") String role, @RequestParam(required = false) RequestState state,
			@RequestParam(required = false) Boolean overdue, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(requests.list(box(role), state, overdue, reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "协查请求详情，含全部经过、附件、函件和当前可做的操作")
	AssistanceRequestView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return requests.find(id, reader);
	}

	@PostMapping("/{id}/{action}")
	@PreAuthorize(Access.CASE_OFFICER)
		@Operation(summary = "办理：send 发出（本单位协查函须经领导签发时为送签发，见 sign-off；须先审核时为送审核，见 review）、accept 受理、return 退回（须选原因并说明）、answer 答复、"
			+ "request-supplement 要求补充、confirm 确认办结、withdraw 撤回、"
			+ "forward 转办（协助单位无管辖权时转有管辖权的应急管理局，须带 forwardTo 单位代码和 text 理由）；状态不允许时答复 409")
	AssistanceRequestView act(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id,
			@PathVariable String action, @RequestBody(required = false) ActionInput input) {
		RequestAction wanted = RequestAction.ofPath(action)
			.orElseThrow(() -> DomainException.notFound("unknown-action", "没有“%s”这项操作".formatted(action)));
		return requests.act(id, wanted, input == null ? ActionInput.of(null) : input, actor);
	}

	@PostMapping("/{id}/review")
	@PreAuthorize("hasRole('LEGAL_OFFICER')")
	@Operation(summary = "审核同意（请求单位的法制审核人员，本单位协助调查函须先审核时）：送本单位局领导签发")
	AssistanceRequestView review(@AuthenticationPrincipal SignedInUser reviewer, @PathVariable long id,
			@RequestBody(required = false) ActionInput input) {
		return requests.act(id, RequestAction.REVIEW, input == null ? ActionInput.of(null) : input, reviewer);
	}

	@PostMapping("/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "签发（请求单位的局领导）：协助调查函于此时编号、加盖本单位电子签章并发出，签发人为本人，期限自此起算")
	AssistanceRequestView signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) ActionInput input) {
		return requests.act(id, RequestAction.SIGN_OFF, input == null ? ActionInput.of(null) : input, leader);
	}

	@PostMapping("/{id}/send-back")
	@PreAuthorize("hasAnyRole('LEADER', 'LEGAL_OFFICER')")
	@Operation(summary = "退回修改（待审核时请求单位的法制审核人员，待签发时其局领导）：须在 text 中写明修改意见，请求回到草稿")
	AssistanceRequestView sendBack(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) ActionInput input) {
		return requests.act(id, RequestAction.SEND_BACK, input == null ? ActionInput.of(null) : input, leader);
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "上传附件：请求单位在发出前附请求材料，协助单位在答复前附证据；保存 SM3 摘要")
	AttachmentView attach(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		return requests.attach(id, new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()),
				uploader);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@ApiResponse(responseCode = "200", description = "附件，以上传时的类型返回", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "下载附件（仅双方单位和市局）；响应头 X-Content-SM3 为上传时的摘要")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long attachmentId) {
		return requests.download(id, attachmentId, reader).download();
	}

	static AssistanceRequests.Box box(String role) {
		return switch (role == null ? "" : role) {
			case "outgoing" -> AssistanceRequests.Box.OUTGOING;
			case "all" -> AssistanceRequests.Box.ALL;
			case "incoming", "" -> AssistanceRequests.Box.INCOMING;
			default -> throw DomainException.invalid("unknown-role", "role 应为 incoming、outgoing 或 all");
		};
	}
}
