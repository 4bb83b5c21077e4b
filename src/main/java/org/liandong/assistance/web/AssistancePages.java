package org.liandong.assistance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.assistance.ActionInput;
import org.liandong.assistance.AssistanceRequestView;
import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.NewAssistanceRequest;
import org.liandong.assistance.RequestAction;
import org.liandong.assistance.RequestState;
import org.liandong.assistance.ReturnReason;
import org.liandong.assistance.Upload;
import org.liandong.cases.CaseBrief;
import org.liandong.cases.Cases;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.platform.Access;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.web.RefusalShownOn;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

/** The assistance pages: incoming and outgoing lists, the request form, the request and its actions. */
@Controller
@RequestMapping("/assistance")
@PreAuthorize(Access.BUSINESS_USER)
class AssistancePages {

	private final AssistanceRequests requests;
	private final Cases cases;
	private final Agencies agencies;
	private final WorkingCalendar calendar;
	private final SignOffPolicies signOff;

	AssistancePages(AssistanceRequests requests, Cases cases, Agencies agencies, WorkingCalendar calendar,
			SignOffPolicies signOff) {
		this.requests = requests;
		this.cases = cases;
		this.agencies = agencies;
		this.calendar = calendar;
		this.signOff = signOff;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @RequestParam(defaultValue = "incoming") String box,
			@RequestParam(required = false) RequestState state, @RequestParam(required = false) Boolean overdue,
			@PageableDefault(size = 20) Pageable pageable, Model model) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		model.addAttribute("page", requests.list(AssistanceApiController.box(box), state, overdue, reader, pageable));
		model.addAttribute("box", box);
		model.addAttribute("state", state);
		model.addAttribute("overdue", overdue);
		model.addAttribute("states", RequestState.values());
		model.addAttribute("city", city);
		return "assistance/list";
	}

	@GetMapping("/new")
	@PreAuthorize(Access.CASE_OFFICER)
	String form(@AuthenticationPrincipal SignedInUser requester, @RequestParam long caseId, Model model) {
		if (!model.containsAttribute("request")) {
			// the proposed answer date leaves the assisting bureau the customary ten working days
			LocalDate answerBy = calendar.endOfWorkingDays(java.time.Instant.now(), 10).atZone(ChineseTime.ZONE)
				.toLocalDate().minusDays(1);
			model.addAttribute("request", new NewAssistanceRequest(caseId, "", "", "", answerBy, null));
		}
		return form(requester, caseId, null, model);
	}

	private String form(SignedInUser requester, long caseId, Long id, Model model) {
		CaseBrief about = cases.brief(caseId, requester);
		model.addAttribute("about", about);
		model.addAttribute("requestId", id);
		model.addAttribute("assistingAgencies", agencies.all().stream()
			.filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT && !a.code().equals(requester.agencyCode()))
			.toList());
		return "assistance/form";
	}

	@PostMapping
	@PreAuthorize(Access.CASE_OFFICER)
	String create(@AuthenticationPrincipal SignedInUser requester,
			@Valid @ModelAttribute("request") NewAssistanceRequest request, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				AssistanceRequestView created = requests.create(request, requester);
				redirect.addFlashAttribute("notice", "已保存为草稿。请核对内容、上传材料后点击“发出”，发出后系统编号并开始计时。");
				return "redirect:/assistance/" + created.id();
			}
			catch (DomainException refused) {
				errors.reject(refused.shownOnPage().code(), refused.getMessage());
			}
		}
		return form(requester, request.caseId() == null ? 0 : request.caseId(), null, model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		AssistanceRequestView r = requests.find(id, reader);
		model.addAttribute("r", r);
		model.addAttribute("reasons", ReturnReason.values());
		model.addAttribute("may", r.actions().stream().map(RequestAction::path).toList());
		// the send button says what sending does in this bureau: straight out, or to the reviewer or the leader first (issue 23)
		model.addAttribute("approval", signOff.approval(r.requesterAgencyCode(), DocumentKind.ASSISTANCE_LETTER).name());
		boolean requester = r.requesterAgencyCode().equals(reader.agencyCode());
		boolean caseOfficer = reader.hasRole("ENFORCER") || reader.hasRole("DETACHMENT_OFFICER");
		model.addAttribute("revisable", caseOfficer && requester
				&& (r.state() == RequestState.DRAFT || r.state() == RequestState.RETURNED));
		model.addAttribute("uploadTypes", requests.attachmentTypes());
		model.addAttribute("uploadPurpose", !caseOfficer ? null
				: requester && (r.state() == RequestState.DRAFT || r.state() == RequestState.RETURNED) ? "请求材料"
						: !requester && (r.state() == RequestState.ACCEPTED
								|| r.state() == RequestState.SUPPLEMENT_REQUESTED) ? "证据材料" : null);
		if (!model.containsAttribute("revision")) {
			model.addAttribute("revision", new NewAssistanceRequest(r.caseId(), r.assistingAgencyCode(), r.matters(),
					r.legalBasis(), r.answerBy(), r.version()));
		}
		model.addAttribute("assistingAgencies", agencies.all().stream()
			.filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT && !a.code().equals(reader.agencyCode()))
			.toList());
		// a request is forwarded to a bureau, neither the forwarder nor the requester (issue 22)
		model.addAttribute("competentBureaus", agencies.all().stream()
			.filter(a -> a.kind() == AgencyKind.CITY_BUREAU || a.kind() == AgencyKind.COUNTY_BUREAU)
			.filter(a -> !a.code().equals(reader.agencyCode()) && !a.code().equals(r.requesterAgencyCode()))
			.toList());
		return "assistance/detail";
	}

	@PostMapping("/{id}/revision")
	@PreAuthorize(Access.CASE_OFFICER)
	String revise(@AuthenticationPrincipal SignedInUser requester, @PathVariable long id,
			@ModelAttribute("revision") NewAssistanceRequest revision, Model model, RedirectAttributes redirect) {
		try {
			requests.revise(id, revision, requester);
			redirect.addFlashAttribute("notice", "已保存修改");
			return "redirect:/assistance/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().iterator().next().getMessage());
		}
		return detail(requester, id, model);
	}

	@PostMapping("/{id}/attachments")
	@PreAuthorize(Access.CASE_OFFICER)
	@RefusalShownOn("/assistance/{id}")
	String attach(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw DomainException.invalid("empty-attachment", "请选择要上传的文件（文件不能为空）");
			}
			var stored = requests.attach(id, new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()),
					uploader);
			redirect.addFlashAttribute("notice", "已上传“%s”，SM3 摘要 %s".formatted(stored.fileName(), stored.sm3()));
		}
		catch (MaxUploadSizeExceededException tooLarge) {
			redirect.addFlashAttribute("problem", "上传的文件过大，请压缩或拆分后再上传");
		}
		return "redirect:/assistance/" + id;
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long attachmentId) {
		return requests.download(id, attachmentId, reader).download();
	}

	/**
	 * The approvers' moves (issue 23): the legal officer's review, the leader's sign-off, and either's
	 * sending back with comments of what waits for them.
	 */
	@PostMapping({ "/{id}/review", "/{id}/sign-off", "/{id}/send-back" })
	@PreAuthorize("hasAnyRole('LEADER', 'LEGAL_OFFICER')")
	String approve(@AuthenticationPrincipal SignedInUser approver, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String text,
			jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String path = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		RequestAction wanted = RequestAction.ofPath(path).orElseThrow();
		return act(approver, id, wanted, new ActionInput(version, null, text, null, null, null, null), model, redirect);
	}

	@PostMapping("/{id}/{action}")
	@PreAuthorize(Access.CASE_OFFICER)
	String act(@AuthenticationPrincipal SignedInUser actor, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) Long version, @RequestParam(required = false) ReturnReason reason,
			@RequestParam(required = false) String text, @RequestParam(required = false) LocalDate answerBy,
			@RequestParam(required = false) Integer timeliness, @RequestParam(required = false) Integer quality,
			@RequestParam(required = false) String forwardTo, Model model, RedirectAttributes redirect) {
		RequestAction wanted = RequestAction.ofPath(action)
			.filter(found -> !found.byApprover())
			.orElseThrow(() -> DomainException.notFound("unknown-action", "没有“%s”这项操作".formatted(action)));
		return act(actor, id, wanted, new ActionInput(version, reason, text, answerBy, timeliness, quality, forwardTo),
				model, redirect);
	}

	private String act(SignedInUser actor, long id, RequestAction wanted, ActionInput input, Model model,
			RedirectAttributes redirect) {
		ReturnReason reason = input.reason();
		String text = input.text();
		LocalDate answerBy = input.answerBy();
		String forwardTo = input.forwardTo();
		try {
			AssistanceRequestView done = requests.act(id, wanted, input, actor);
			if (wanted == RequestAction.FORWARD) {
				// the request is the competent bureau's now: the forwarder no longer sees it (X2)
				redirect.addFlashAttribute("notice", "已将协查请求 %s 转办%s，已通知请求单位并印发协查转办函"
					.formatted(done.number(), done.assistingAgencyName()));
				return "redirect:/assistance";
			}
			redirect.addFlashAttribute("notice", done.state() == RequestState.AWAITING_REVIEW
					? "已送本单位法制审核；审核同意后送领导签发，签发后协助调查函编号、加盖电子签章并发出"
					: wanted == RequestAction.REVIEW ? "已审核同意，送本单位领导签发"
					: done.state() == RequestState.AWAITING_SIGN_OFF
					? "已送本单位领导签发；签发后协助调查函编号、加盖电子签章并发出"
					: wanted == RequestAction.SEND || wanted == RequestAction.SIGN_OFF
							? "已%s，文号 %s；对方须于 %s 前受理".formatted(wanted == RequestAction.SIGN_OFF ? "签发并发出" : "发出",
									done.number(), ChineseTime.format(done.acceptDueAt()))
							: "已" + wanted.label());
			return "redirect:/assistance/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
			// what was typed stays in the form of the refused action
			model.addAttribute("typed", new Typed(wanted.path(), reason, text, answerBy, forwardTo));
		}
		catch (ConstraintViolationException invalid) {
			model.addAttribute("problem", invalid.getConstraintViolations().iterator().next().getMessage());
			model.addAttribute("typed", new Typed(wanted.path(), reason, text, answerBy, forwardTo));
		}
		return detail(actor, id, model);
	}

	/** The input of a refused action, shown again. */
	record Typed(String action, ReturnReason reason, String text, LocalDate answerBy, String forwardTo) {
	}

	static List<AgencySummary> emergencyAgencies(Agencies agencies) {
		return agencies.all().stream().filter(a -> a.kind() != AgencyKind.EXTERNAL_DEPARTMENT).toList();
	}
}
