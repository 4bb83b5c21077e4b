package org.liandong.meetings.web;

import java.util.List;

import org.liandong.meetings.ActionItem;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings;
import org.liandong.meetings.NewMeeting;
import org.liandong.meetings.WorkNorm;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/meetings")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "联席会议")
class MeetingApiController {

	private final Meetings meetings;

	MeetingApiController(Meetings meetings) {
		this.meetings = meetings;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "召集会议（联席会议办公室）：通知连同议程发至各成员单位消息箱；startsAt 为北京时间")
	MeetingView convene(@AuthenticationPrincipal SignedInUser office, @RequestBody NewMeeting meeting) {
		return meetings.convene(meeting, office);
	}

	@GetMapping
	@Operation(summary = "会议列表（成员单位看本单位参加的，市局看全部）")
	PageResponse<MeetingView> list(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(meetings.list(reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "会议：各成员单位回复、纪要、议定事项")
	MeetingView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return meetings.find(id, reader);
	}

	@PostMapping("/{id}/attendance")
	@Operation(summary = "回复参会情况（成员单位）：参会并填写参会人员（姓名、职务），或请假并说明理由；会议开始后不能再回复")
	MeetingView reply(@AuthenticationPrincipal SignedInUser member, @PathVariable long id, @RequestBody Reply reply) {
		return meetings.reply(id, reply.attend(), reply.attendee(), reply.reason(), member);
	}

	@PostMapping("/{id}/minutes")
	@Operation(summary = "印发会议纪要（联席会议办公室），议定事项成为责任单位的待办；须经市局领导签发的，送签，签发后印发")
	MeetingView minutes(@AuthenticationPrincipal SignedInUser office, @PathVariable long id,
			@RequestBody Minutes minutes) {
		return meetings.recordMinutes(id, minutes.minutes(), minutes.decisions(), office);
	}

	@PostMapping("/{id}/minutes/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "签发会议纪要（市局领导）：须签发的纪要此时才编号、加盖电子签章并印发，议定事项此时生效")
	MeetingView signOffMinutes(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id) {
		return meetings.signOffMinutes(id, leader);
	}

	@PostMapping("/{id}/minutes/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "退回会议纪要（市局领导）：须在 text 中写明意见，纪要稿退回联席会议办公室修改")
	MeetingView sendBackMinutes(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestBody(required = false) Comments comments) {
		return meetings.sendBackMinutes(id, comments == null ? null : comments.text(), leader);
	}

	@GetMapping("/action-items")
	@Operation(summary = "议定事项（本单位的；市局看全部），open=true 只看未办结的")
	PageResponse<ActionItem> actionItems(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(defaultValue = "false") boolean open, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(meetings.actionItems(open, reader, pageable));
	}

	@PostMapping("/action-items/{id}/completion")
	@Operation(summary = "报送议定事项的办理情况和佐证（责任单位）")
	ActionItem complete(@AuthenticationPrincipal SignedInUser owner, @PathVariable long id,
			@RequestBody Evidence evidence) {
		return meetings.complete(id, evidence.evidence(), owner);
	}

	@GetMapping("/regular-status")
	@Operation(summary = "上次例会时间；超过半年未召开时给出提醒")
	Meetings.RegularMeetingStatus regularStatus(@AuthenticationPrincipal SignedInUser reader) {
		return meetings.regularStatus(reader);
	}

	@GetMapping("/norms")
	@Operation(summary = "机制的工作规范（含历次版本）")
	List<WorkNorm> norms(@AuthenticationPrincipal SignedInUser reader) {
		return meetings.norms(reader);
	}

	@PostMapping("/norms")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建工作规范（联席会议办公室）")
	WorkNorm createNorm(@AuthenticationPrincipal SignedInUser office, @RequestBody Norm norm) {
		return meetings.keepNorm(null, norm.title(), norm.body(), norm.note(), office);
	}

	@PutMapping("/norms/{id}")
	@Operation(summary = "修订工作规范，形成新版本（联席会议办公室）")
	WorkNorm reviseNorm(@AuthenticationPrincipal SignedInUser office, @PathVariable long id, @RequestBody Norm norm) {
		return meetings.keepNorm(id, null, norm.body(), norm.note(), office);
	}

	/** @param attendee who will attend (name and post), required when attending */
	record Reply(boolean attend, String attendee, String reason) {
	}

	record Minutes(String minutes, List<Decision> decisions) {
	}

	record Evidence(String evidence) {
	}

	/** The leader's comments on sending minutes back. */
	record Comments(String text) {
	}

	record Norm(String title, String body, String note) {
	}
}
