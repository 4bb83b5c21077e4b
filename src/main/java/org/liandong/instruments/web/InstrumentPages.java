package org.liandong.instruments.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.Instruments;
import org.liandong.instruments.NewInstrument;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

/** The pages of agreements and memoranda: list, drafting form, the instrument with signatures. */
@Controller
@RequestMapping("/instruments")
@PreAuthorize(Access.BUSINESS_USER)
class InstrumentPages {

	private final Instruments instruments;
	private final Agencies agencies;

	InstrumentPages(Instruments instruments, Agencies agencies) {
		this.instruments = instruments;
		this.agencies = agencies;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) InstrumentKind kind,
			@RequestParam(required = false) InstrumentState state, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", instruments.list(kind, state, reader, pageable));
		model.addAttribute("kind", kind);
		model.addAttribute("state", state);
		model.addAttribute("kinds", InstrumentKind.values());
		model.addAttribute("states", InstrumentState.values());
		return "instruments/list";
	}

	@GetMapping("/new")
	String form(@AuthenticationPrincipal SignedInUser drafter, Model model) {
		if (!model.containsAttribute("instrument")) {
			LocalDate today = LocalDate.now(ChineseTime.ZONE);
			model.addAttribute("instrument", new NewInstrument(InstrumentKind.AGREEMENT, "", "", "", List.of(), today,
					today.plusYears(3), null, null));
		}
		model.addAttribute("kinds", InstrumentKind.values());
		model.addAttribute("others", agencies.all().stream().filter(a -> !a.code().equals(drafter.agencyCode())).toList());
		return "instruments/new";
	}

	@PostMapping
	String draft(@AuthenticationPrincipal SignedInUser drafter,
			@Valid @ModelAttribute("instrument") NewInstrument instrument, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				InstrumentView drafted = instruments.draft(instrument, drafter);
				redirect.addFlashAttribute("notice", "已起草。核对正文后点击“提交各方签署”。");
				return "redirect:/instruments/" + drafted.id();
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return form(drafter, model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		InstrumentView found = instruments.find(id, reader);
		model.addAttribute("i", found);
		model.addAttribute("uploadTypes", Instruments.ATTACHMENTS);
		model.addAttribute("mine", found.parties().stream().filter(p -> p.agencyCode().equals(reader.agencyCode()))
			.findFirst().orElse(null));
		return "instruments/detail";
	}

	@PostMapping("/{id}/{action}")
	@RefusalShownOn("/instruments/{id}")
	String act(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String text,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String measures, RedirectAttributes redirect) {
		switch (action) {
			case "revise" -> instruments.revise(id, text, note, version, actor);
			case "submit" -> instruments.submit(id, version, actor);
			case "sign" -> instruments.sign(id, version, actor);
			case "terminate" -> instruments.terminate(id, reason, actor);
			// one measure per line, as the form's text area gives them
			case "measures" -> instruments.setMeasures(id, measures == null ? List.of()
					: Arrays.asList(measures.split("\\R")), actor);
			default -> throw DomainException.notFound("unknown-action", "没有“%s”这项操作".formatted(action));
		}
		redirect.addFlashAttribute("notice", switch (action) {
			case "revise" -> "已保存新版本，各方须重新签署";
			case "submit" -> "已提交各方签署";
			case "sign" -> "本单位已签署";
			case "terminate" -> "已终止";
			default -> "已保存惩戒措施";
		});
		return "redirect:/instruments/" + id;
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long attachmentId) {
		return instruments.attachment(id, attachmentId, reader).download();
	}

	@PostMapping("/{id}/attachments")
	@RefusalShownOn("/instruments/{id}")
	String attach(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("empty-attachment", "请选择要上传的文件（文件不能为空）");
		}
		instruments.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), uploader);
		redirect.addFlashAttribute("notice", "已上传附件");
		return "redirect:/instruments/" + id;
	}
}
