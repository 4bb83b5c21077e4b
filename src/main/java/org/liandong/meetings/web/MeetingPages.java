package org.liandong.meetings.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.agency.AgencyKind;
import org.liandong.meetings.Decision;
import org.liandong.meetings.MeetingKind;
import org.liandong.meetings.MeetingView;
import org.liandong.meetings.Meetings;
import org.liandong.meetings.NewMeeting;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;

/** The joint meeting's pages: meetings and the office's convening form, a meeting, action items, work norms. */
@Controller
@RequestMapping("/meetings")
@PreAuthorize(Access.BUSINESS_USER)
class MeetingPages {

	private final Meetings meetings;
	private final Agencies agencies;
	private final SignOffPolicies signOffPolicies;

	MeetingPages(Meetings meetings, Agencies agencies, SignOffPolicies signOffPolicies) {
		this.meetings = meetings;
		this.agencies = agencies;
		this.signOffPolicies = signOffPolicies;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", meetings.list(reader, pageable));
		model.addAttribute("status", meetings.regularStatus(reader));
		model.addAttribute("office", office(reader));
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("items", meetings.actionItems(true, reader, PageRequest.of(0, 50)).getContent());
		model.addAttribute("defaultStart", LocalDate.now(ChineseTime.ZONE).plusDays(7).atTime(9, 0));
		model.addAttribute("defaultReply", LocalDate.now(ChineseTime.ZONE).plusDays(5));
		return "meetings/list";
	}

	@PostMapping
	@RefusalShownOn("/meetings")
	String convene(@AuthenticationPrincipal SignedInUser office, @RequestParam(required = false) MeetingKind kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String agenda,
			@RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) LocalDate replyBy, RedirectAttributes redirect) {
		try {
			MeetingView convened = meetings.convene(new NewMeeting(kind, title, agenda, place, startsAt, replyBy), office);
			redirect.addFlashAttribute("notice", "会议通知已发至 %d 个成员单位".formatted(convened.members().size()));
			return "redirect:/meetings/" + convened.id();
		}
		catch (ConstraintViolationException invalid) {
			redirect.addFlashAttribute("problem", invalid.getConstraintViolations().stream().map(v -> v.getMessage())
				.distinct().reduce((a, b) -> a + "；" + b).orElse(""));
		}
		return "redirect:/meetings";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		MeetingView meeting = meetings.find(id, reader);
		model.addAttribute("m", meeting);
		model.addAttribute("office", office(reader));
		// the draft is shown to the city only, so a leader who reads it signs for the city
		model.addAttribute("signatory", reader.hasRole("LEADER") && meeting.minutesSignOff() != null
				&& meeting.minutesSignOff().awaiting());
		model.addAttribute("minutesSignOffNeeded", signOffPolicies.required(meeting.officeAgencyCode(),
				DocumentKind.MEETING_MINUTES));
		model.addAttribute("mine", meeting.members().stream().filter(x -> x.agencyCode().equals(reader.agencyCode()))
			.findFirst().orElse(null));
		model.addAttribute("bureaus", agencies.all().stream().filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT).toList());
		model.addAttribute("rows", List.of(0, 1, 2));
		model.addAttribute("me", reader.agencyCode());
		return "meetings/detail";
	}

	@PostMapping("/{id}/attendance")
	@RefusalShownOn("/meetings/{id}")
	String reply(@AuthenticationPrincipal SignedInUser member, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean attend, @RequestParam(required = false) String attendee,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		meetings.reply(id, attend, attendee, reason, member);
		redirect.addFlashAttribute("notice", attend ? "已回复参会" : "已请假");
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/minutes")
	@RefusalShownOn("/meetings/{id}")
	String minutes(@AuthenticationPrincipal SignedInUser office, @PathVariable long id,
			@RequestParam(required = false) String minutes,
			@RequestParam(name = "decision", required = false) List<String> decisions,
			@RequestParam(name = "ownerAgencyCode", required = false) List<String> owners,
			@RequestParam(name = "dueOn", required = false) List<LocalDate> dues, RedirectAttributes redirect) {
		List<Decision> items = new ArrayList<>();
		for (int i = 0; decisions != null && i < decisions.size(); i++) {
			if (decisions.get(i) != null && !decisions.get(i).isBlank()) {
				items.add(new Decision(decisions.get(i), at(owners, i), at(dues, i)));
			}
		}
		try {
			MeetingView held = meetings.recordMinutes(id, minutes, items, office);
			redirect.addFlashAttribute("notice", held.minutesNumber() == null ? "会议纪要已送市局领导签发"
					: "已印发会议纪要 " + held.minutesNumber());
		}
		catch (ConstraintViolationException invalid) {
			redirect.addFlashAttribute("problem", invalid.getConstraintViolations().stream().map(v -> v.getMessage())
				.distinct().reduce((a, b) -> a + "；" + b).orElse(""));
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/minutes/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/meetings/{id}")
	String signOffMinutes(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id, RedirectAttributes redirect) {
		MeetingView held = meetings.signOffMinutes(id, leader);
		redirect.addFlashAttribute("notice", "已签发，会议纪要文号 " + held.minutesNumber());
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/{id}/minutes/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/meetings/{id}")
	String sendBackMinutes(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		meetings.sendBackMinutes(id, text, leader);
		redirect.addFlashAttribute("notice", "会议纪要已退回联席会议办公室修改");
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/action-items/{itemId}/completion")
	@RefusalShownOn("/meetings/{meetingId}")
	String complete(@AuthenticationPrincipal SignedInUser owner, @PathVariable long itemId,
			@RequestParam long meetingId, @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		meetings.complete(itemId, evidence, owner);
		redirect.addFlashAttribute("notice", "已报送办理情况");
		return "redirect:/meetings/" + meetingId;
	}

	@GetMapping("/norms")
	String norms(@AuthenticationPrincipal SignedInUser reader, Model model) {
		model.addAttribute("norms", meetings.norms(reader));
		model.addAttribute("office", office(reader));
		return "meetings/norms";
	}

	@PostMapping("/norms")
	@RefusalShownOn("/meetings/norms")
	String keepNorm(@AuthenticationPrincipal SignedInUser office, @RequestParam(required = false) Long id,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		meetings.keepNorm(id, title, body, note, office);
		redirect.addFlashAttribute("notice", "已保存工作规范");
		return "redirect:/meetings/norms";
	}

	private boolean office(SignedInUser user) {
		return user.hasRole("DETACHMENT_OFFICER") && agencies.find(user.agencyCode())
			.map(a -> a.kind() == AgencyKind.ENFORCEMENT_DETACHMENT).orElse(false);
	}

	private static <T> T at(List<T> values, int i) {
		return values == null || i >= values.size() ? null : values.get(i);
	}
}
