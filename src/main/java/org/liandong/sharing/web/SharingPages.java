package org.liandong.sharing.web;

import java.io.IOException;

import org.liandong.agency.Agencies;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.FileDownload;
import org.liandong.platform.web.RefusalShownOn;
import org.liandong.sharing.Bulletin;
import org.liandong.sharing.Frequency;
import org.liandong.sharing.Sharing;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sharing pages: reports with completeness and timeliness, posts, bulletins and their acknowledgements. */
@Controller
@PreAuthorize(Access.BUSINESS_USER)
class SharingPages {

	private final Sharing sharing;
	private final Agencies agencies;

	SharingPages(Sharing sharing, Agencies agencies) {
		this.sharing = sharing;
		this.agencies = agencies;
	}

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) Long scheduleId,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		model.addAttribute("schedules", sharing.schedules(reader));
		model.addAttribute("scheduleId", scheduleId);
		model.addAttribute("page", sharing.obligations(scheduleId, reader, pageable));
		model.addAttribute("timeliness", sharing.timeliness(scheduleId, reader));
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("city", agencies.isCityLevel(reader.agencyCode())
				&& (reader.hasRole("LEADER") || reader.hasRole("DETACHMENT_OFFICER")));
		model.addAttribute("liaison", reader.hasRole("LIAISON"));
		return "sharing/reports";
	}

	@PostMapping("/reports/schedules")
	@RefusalShownOn("/reports")
	String define(@AuthenticationPrincipal SignedInUser city, @RequestParam(required = false) String title,
			@RequestParam(required = false) Frequency frequency, @RequestParam(required = false) Integer dueDay,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		var schedule = sharing.defineSchedule(title, frequency, dueDay, description, city);
		redirect.addFlashAttribute("notice", "已设定报送计划：" + schedule.rule());
		return "redirect:/reports";
	}

	@PostMapping("/reports")
	@RefusalShownOn("/reports?scheduleId={scheduleId}")
	String submit(@AuthenticationPrincipal SignedInUser liaison, @RequestParam(required = false) Long obligationId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) Long scheduleId, RedirectAttributes redirect) {
		var submitted = sharing.submit(obligationId, title, body, liaison);
		redirect.addFlashAttribute("notice", submitted.revision() > 1
				? "已报送修订稿（第 %d 次报送，历次报送均保留）".formatted(submitted.revision()) : "已报送");
		return scheduleId == null ? "redirect:/reports" : "redirect:/reports?scheduleId=" + scheduleId;
	}

	@GetMapping("/posts")
	String posts(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", sharing.posts(reader, pageable));
		model.addAttribute("uploadTypes", Sharing.POST_ATTACHMENTS);
		return "sharing/posts";
	}

	@PostMapping("/posts")
	@RefusalShownOn("/posts")
	String post(@AuthenticationPrincipal SignedInUser author, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		sharing.post(kind, title, body, file == null ? null : file.getOriginalFilename(),
				file == null || file.isEmpty() ? null : file.getBytes(), author);
		redirect.addFlashAttribute("notice", "已发布，各单位可见");
		return "redirect:/posts";
	}

	@GetMapping("/posts/{postId}/attachments/{id}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser reader, @PathVariable long postId,
			@PathVariable long id) {
		return FileDownload.attachment(sharing.postAttachment(postId, id, reader), MediaType.APPLICATION_OCTET_STREAM,
				"附件-" + id);
	}

	@GetMapping("/bulletins")
	String bulletins(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", sharing.bulletins(reader, pageable));
		model.addAttribute("me", reader.agencyCode());
		return "sharing/bulletins";
	}

	@PostMapping("/bulletins")
	@RefusalShownOn("/bulletins")
	String send(@AuthenticationPrincipal SignedInUser sender, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		Bulletin sent = sharing.sendBulletin(title, body, sender);
		redirect.addFlashAttribute("notice", "快报已发至 %d 个单位%s".formatted(sent.acknowledgements().size(),
				sent.signOffPending() ? "；已先行发出，待本单位领导补签发后编号、加盖电子签章" : ""));
		return "redirect:/bulletins/" + sent.id();
	}

	@GetMapping("/bulletins/{id}")
	String bulletin(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		Bulletin found = sharing.bulletin(id, reader);
		model.addAttribute("b", found);
		model.addAttribute("mine", found.acknowledgements().stream().filter(a -> a.agencyCode().equals(reader.agencyCode()))
			.findFirst().orElse(null));
		model.addAttribute("maySignOff", found.signOffPending() && reader.hasRole("LEADER")
				&& reader.agencyCode().equals(found.senderAgencyCode()));
		return "sharing/bulletin";
	}

	/** The sending bureau's leader signs off a bulletin that went first (issue 23, 先发后签). */
	@PostMapping("/bulletins/{id}/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/bulletins/{id}")
	String signOff(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id, RedirectAttributes redirect) {
		Bulletin signed = sharing.signOffBulletin(id, leader);
		redirect.addFlashAttribute("notice", "已补签发，文号 %s".formatted(signed.documentNumber()));
		return "redirect:/bulletins/" + id;
	}

	@PostMapping("/bulletins/{id}/acknowledgement")
	@RefusalShownOn("/bulletins/{id}")
	String acknowledge(@AuthenticationPrincipal SignedInUser liaison, @PathVariable long id,
			RedirectAttributes redirect) {
		sharing.acknowledge(id, liaison);
		redirect.addFlashAttribute("notice", "已签收");
		return "redirect:/bulletins/" + id;
	}
}
