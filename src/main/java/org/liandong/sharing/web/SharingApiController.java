package org.liandong.sharing.web;

import java.util.List;

import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.Post;
import org.liandong.sharing.ReportObligation;
import org.liandong.sharing.ReportSchedule;
import org.liandong.sharing.Sharing;
import org.liandong.sharing.Submission;
import org.liandong.sharing.Timeliness;
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
@Tag(name = "信息共享：定期报送、经验交流、突发事件快报")
class SharingApiController {

	private final Sharing sharing;

	SharingApiController(Sharing sharing) {
		this.sharing = sharing;
	}

	@PostMapping("/reports/schedules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "设定报送计划（市局）：周期和报送日，如每月统计次月 5 日前；31 日在小月按月末计")
	ReportSchedule define(@AuthenticationPrincipal SignedInUser city, @RequestBody ScheduleInput input) {
		return sharing.defineSchedule(input.title(), input.frequency(), input.dueDay(), input.description(), city);
	}

	@GetMapping("/reports/schedules")
	@Operation(summary = "本市的报送计划")
	List<ReportSchedule> schedules(@AuthenticationPrincipal SignedInUser reader) {
		return sharing.schedules(reader);
	}

	@GetMapping("/reports/obligations")
	@Operation(summary = "应报送的报告（本单位的；市局看全部），含期限、首次报送时间和修订次数")
	PageResponse<ReportObligation> obligations(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) Long scheduleId, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(sharing.obligations(scheduleId, reader, pageable));
	}

	@PostMapping("/reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "报送报告（信息联络员）：带 obligationId 为定期报告，同一期再次报送为修订并保留历史；不带为临时报告")
	Submission submit(@AuthenticationPrincipal SignedInUser liaison, @RequestBody ReportInput input) {
		return sharing.submit(input.obligationId(), input.title(), input.body(), liaison);
	}

	@GetMapping("/reports/obligations/{id}/submissions")
	@Operation(summary = "一期报告的全部报送（含修订）")
	List<Submission> submissions(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return sharing.submissions(id, reader);
	}

	@GetMapping("/reports/ad-hoc")
	@Operation(summary = "临时报告")
	PageResponse<Submission> adHoc(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(sharing.adHocReports(reader, pageable));
	}

	@GetMapping("/reports/timeliness")
	@Operation(summary = "各单位报送完整率、及时率（已到期的报告）")
	List<Timeliness> timeliness(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) Long scheduleId) {
		return sharing.timeliness(scheduleId, reader);
	}

	@PostMapping("/posts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "发布经验交流（EXPERIENCE）或联合执法通知（JOINT_NOTICE），各单位可见")
	Post post(@AuthenticationPrincipal SignedInUser author, @RequestBody PostInput input) {
		return sharing.post(input.kind(), input.title(), input.body(), null, null, author);
	}

	@GetMapping("/posts")
	@Operation(summary = "经验交流与联合执法通知")
	PageResponse<Post> posts(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(sharing.posts(reader, pageable));
	}

	@PostMapping("/bulletins")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "发出突发事件快报：同时发至各单位，须在时限内签收，逾期未签收的报市局")
	Bulletin send(@AuthenticationPrincipal SignedInUser sender, @RequestBody BulletinInput input) {
		return sharing.sendBulletin(input.title(), input.body(), sender);
	}

	@GetMapping("/bulletins")
	@Operation(summary = "快报列表")
	PageResponse<Bulletin> bulletins(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(sharing.bulletins(reader, pageable));
	}

	@GetMapping("/bulletins/{id}")
	@Operation(summary = "快报及各单位签收情况")
	Bulletin bulletin(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return sharing.bulletin(id, reader);
	}

	@PostMapping("/bulletins/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "补签发快报（发出单位的局领导；本单位快报须签发时先发后签）：此时编号、加盖本单位电子签章，签发人为本人；已签发或无需签发的答复 409")
	Bulletin signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id) {
		return sharing.signOffBulletin(id, leader);
	}

	@PostMapping("/bulletins/{id}/acknowledgement")
	@Operation(summary = "签收快报（信息联络员）；重复签收答复 409")
	Bulletin acknowledge(@AuthenticationPrincipal SignedInUser liaison, @PathVariable long id) {
		return sharing.acknowledge(id, liaison);
	}

	record ScheduleInput(String title, Frequency frequency, Integer dueDay, String description) {
	}

	record ReportInput(Long obligationId, String title, String body) {
	}

	record PostInput(String kind, String title, String body) {
	}

	record BulletinInput(String title, String body) {
	}
}
