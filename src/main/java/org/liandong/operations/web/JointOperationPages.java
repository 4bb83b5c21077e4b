package org.liandong.operations.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.operations.Conclusion;
import org.liandong.operations.DrawView;
import org.liandong.operations.HazardLevel;
import org.liandong.operations.InspectionRecordView;
import org.liandong.operations.ItemOutcome;
import org.liandong.operations.JointOperationView;
import org.liandong.operations.JointOperations;
import org.liandong.operations.NewDraw;
import org.liandong.operations.NewJointOperation;
import org.liandong.operations.NewTargets;
import org.liandong.operations.NewTeam;
import org.liandong.operations.OperationReport;
import org.liandong.operations.Participation;
import org.liandong.operations.PhotoUpload;
import org.liandong.operations.TargetSource;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The pages of joint enforcement operations (issue 22): the list, the organising form, the operation
 * (units and their confirmation, targets, teams, the figures with a chart, the summary) and the field
 * record of a target, laid out for a phone held in one hand (375 px wide).
 */
@Controller
@RequestMapping("/joint-operations")
@PreAuthorize(Access.BUSINESS_USER)
class JointOperationPages {

	private final JointOperations operations;
	private final Agencies agencies;
	private final Validator validator;
	private final Clock clock;

	JointOperationPages(JointOperations operations, Agencies agencies, Validator validator, Clock clock) {
		this.operations = operations;
		this.agencies = agencies;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser reader, @PageableDefault(size = 20) Pageable pageable,
			Model model) {
		model.addAttribute("page", operations.list(reader, pageable));
		model.addAttribute("mayOrganise", mayOrganise(reader));
		return "operations/list";
	}

	@GetMapping("/new")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	String form(@AuthenticationPrincipal SignedInUser organiser, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(ChineseTime.ZONE));
		model.addAttribute("startsOn", today.plusDays(1));
		model.addAttribute("endsOn", today.plusDays(15));
		return showForm(organiser, model);
	}

	private String showForm(SignedInUser organiser, Model model) {
		String city = agencies.find(organiser.agencyCode()).map(AgencySummary::cityCode).orElse(organiser.agencyCode());
		String cityDivision = agencies.find(city).map(AgencySummary::divisionCode).orElse("");
		model.addAttribute("divisions", agencies.divisions().stream()
			.filter(d -> d.code().equals(cityDivision) || cityDivision.equals(d.parentCode())).toList());
		model.addAttribute("units", agencies.all().stream()
			.filter(a -> !a.code().equals(organiser.agencyCode()))
			.filter(a -> a.kind() == AgencyKind.EXTERNAL_DEPARTMENT || city.equals(a.cityCode()))
			.toList());
		return "operations/form";
	}

	@PostMapping
	@PreAuthorize(JointOperationApiController.ORGANISER)
	String organise(@AuthenticationPrincipal SignedInUser organiser, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String legalBasis, @RequestParam(required = false) LocalDate startsOn,
			@RequestParam(required = false) LocalDate endsOn,
			@RequestParam(required = false) List<String> divisionCodes,
			@RequestParam(required = false) List<String> participantCodes,
			@RequestParam(required = false) String leadAgencyCode, Model model, RedirectAttributes redirect) {
		NewJointOperation input = new NewJointOperation(theme, legalBasis, startsOn, endsOn, orEmpty(divisionCodes),
				orEmpty(participantCodes), leadAgencyCode);
		try {
			long id = operations.organise(valid(input), organiser).id();
			redirect.addFlashAttribute("notice", "已组织联合执法行动，参加单位已收到通知，须在行动开始前确认参加");
			return "redirect:/joint-operations/" + id;
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
			model.addAttribute("startsOn", startsOn);
			model.addAttribute("endsOn", endsOn);
			return showForm(organiser, model);
		}
	}

	@GetMapping("/{id}")
	String operation(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, Model model) {
		JointOperationView operation = operations.find(id, reader);
		OperationReport report = operations.report(id, reader);
		model.addAttribute("o", operation);
		model.addAttribute("report", report);
		model.addAttribute("me", reader.agencyCode());
		model.addAttribute("organiser", operation.organiserAgencyCode().equals(reader.agencyCode())
				&& mayOrganise(reader));
		model.addAttribute("myUnit", operation.units().stream().filter(u -> u.agencyCode().equals(reader.agencyCode()))
			.findFirst().orElse(null));
		model.addAttribute("open", operation.state().name().equals("OPEN"));
		// the draft is shown to the organising bureau only, so a leader who reads it signs for that bureau
		model.addAttribute("signatory", reader.hasRole("LEADER") && report.summarySignOff() != null
				&& report.summarySignOff().awaiting());
		model.addAttribute("unassigned", operation.targets().stream().filter(t -> t.teamId() == null && t.referredTo() == null).toList());
		model.addAttribute("chartNames", report.byUnit().stream().map(OperationReport.UnitCount::agencyName)
			.collect(Collectors.joining("|")));
		model.addAttribute("chartInspected", join(report.byUnit().stream().map(OperationReport.UnitCount::inspected)));
		model.addAttribute("chartGeneral", join(report.byUnit().stream().map(OperationReport.UnitCount::generalHazards)));
		model.addAttribute("chartMajor", join(report.byUnit().stream().map(OperationReport.UnitCount::majorHazards)));
		model.addAttribute("today", LocalDate.now(clock.withZone(ChineseTime.ZONE)));
		List<DrawView> draws = operations.draws(id, reader);
		model.addAttribute("draws", draws);
		// the bureaus a draw left out, by name
		java.util.Map<String, String> names = operation.units().stream()
			.collect(Collectors.toMap(u -> u.agencyCode(), u -> u.agencyName(), (a, b) -> a));
		model.addAttribute("drawExcluded", draws.stream().collect(Collectors.toMap(DrawView::id,
				d -> d.excludedUnits().stream().map(code -> names.getOrDefault(code, code)).collect(Collectors.joining("、")))));
		return "operations/operation";
	}

	@PostMapping("/{id}/draws")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String draw(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(required = false) String teamName, @RequestParam(required = false) Integer targets,
			@RequestParam(required = false) Integer inspectors, @RequestParam(required = false) LocalDate inspectFrom,
			@RequestParam(required = false) LocalDate inspectTo, @RequestParam(required = false) String seed,
			RedirectAttributes redirect) {
		visible(id, organiser);
		DrawView drawn = operations.draw(id, valid(new NewDraw(teamName, targets, inspectors, inspectFrom, inspectTo,
				seed == null || seed.isBlank() ? null : seed.trim())), organiser);
		redirect.addFlashAttribute("notice", "已随机抽取检查组“%s”（种子 %s），组员所在单位已收到通知".formatted(drawn.teamName(),
				drawn.seed()));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/confirmation")
	@RefusalShownOn("/joint-operations/{id}")
	String confirm(@AuthenticationPrincipal SignedInUser confirmer, @PathVariable long id,
			@RequestParam(required = false) String people, RedirectAttributes redirect) {
		visible(id, confirmer);
		operations.confirm(id, valid(new Participation(lines(people))), confirmer);
		redirect.addFlashAttribute("notice", "已确认参加，参加人员已报送");
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/targets")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String addTargets(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(required = false) String rows, RedirectAttributes redirect) {
		visible(id, organiser);
		List<NewTargets.Row> targets = new ArrayList<>();
		for (String line : lines(rows)) {
			String[] cells = line.split("\\s*[,，\\t]\\s*", -1);
			targets.add(new NewTargets.Row(cell(cells, 0), cell(cells, 1), cell(cells, 2)));
		}
		operations.addTargets(id, valid(new NewTargets(targets)), organiser);
		redirect.addFlashAttribute("notice", "已添加检查对象 %d 个".formatted(targets.size()));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/targets/file")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String addTargetsFromFile(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		visible(id, organiser);
		int before = operations.find(id, organiser).targets().size();
		JointOperationView listed = operations.addTargetsFromFile(id, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes(), organiser);
		redirect.addFlashAttribute("notice", "已从名单添加检查对象 %d 个".formatted(listed.targets().size() - before));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/targets/import")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String importTargets(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(required = false) TargetSource source, RedirectAttributes redirect) {
		visible(id, organiser);
		JointOperations.Imported imported = operations.importTargets(id, source, organiser);
		redirect.addFlashAttribute("notice", "已从%s导入检查对象 %d 个".formatted(source.label(), imported.added()));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/targets/{targetId}/referral")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String referTarget(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id, @PathVariable long targetId,
			RedirectAttributes redirect) {
		visible(id, organiser);
		JointOperationView referred = operations.referTarget(id, targetId, organiser);
		referred.targets().stream().filter(t -> t.id() == targetId).findFirst().ifPresent(t -> redirect
			.addFlashAttribute("notice", "已将“%s”移送%s，该局已收到消息".formatted(t.name(), t.referredTo())));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/teams")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String formTeam(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String leadAgencyCode,
			@RequestParam(required = false) LocalDate inspectFrom, @RequestParam(required = false) LocalDate inspectTo,
			@RequestParam(required = false) List<String> members, @RequestParam(required = false) List<Long> targetIds,
			RedirectAttributes redirect) {
		visible(id, organiser);
		// each ticked person comes as "unit code|name"
		List<NewTeam.Member> team = orEmpty(members).stream().filter(m -> m.contains("|"))
			.map(m -> new NewTeam.Member(m.substring(0, m.indexOf('|')), m.substring(m.indexOf('|') + 1))).toList();
		operations.formTeam(id, valid(new NewTeam(name, leadAgencyCode, inspectFrom, inspectTo, team,
				targetIds == null ? List.of() : targetIds)), organiser);
		redirect.addFlashAttribute("notice", "已编排检查组“%s”，组员所在单位已收到通知".formatted(name));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/summary")
	@PreAuthorize(JointOperationApiController.ORGANISER)
	@RefusalShownOn("/joint-operations/{id}")
	String conclude(@AuthenticationPrincipal SignedInUser organiser, @PathVariable long id,
			@RequestParam(required = false) String remarks, RedirectAttributes redirect) {
		visible(id, organiser);
		OperationReport report = operations.conclude(id, valid(new Conclusion(remarks)), organiser);
		redirect.addFlashAttribute("notice", report.summaryNumber() == null ? "总结通报已送本单位领导签发"
				: "已印发总结通报 %s，行动结束".formatted(report.summaryNumber()));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/summary/sign-off")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/joint-operations/{id}")
	String signOffSummary(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id, RedirectAttributes redirect) {
		OperationReport report = operations.signOffSummary(id, leader);
		redirect.addFlashAttribute("notice", "已签发总结通报 %s，行动结束".formatted(report.summaryNumber()));
		return "redirect:/joint-operations/" + id;
	}

	@PostMapping("/{id}/summary/send-back")
	@PreAuthorize("hasRole('LEADER')")
	@RefusalShownOn("/joint-operations/{id}")
	String sendBackSummary(@AuthenticationPrincipal SignedInUser leader, @PathVariable long id,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		operations.sendBackSummary(id, text, leader);
		redirect.addFlashAttribute("notice", "总结通报已退回修改");
		return "redirect:/joint-operations/" + id;
	}

	@GetMapping("/{id}/targets/{targetId}/record")
	String field(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id, @PathVariable long targetId,
			Model model) {
		JointOperationView operation = operations.find(id, reader);
		JointOperationView.Target target = operation.targets().stream().filter(t -> t.id() == targetId).findFirst()
			.orElseThrow(() -> DomainException.notFound("unknown-target", "检查对象 %d 不存在".formatted(targetId)));
		if (target.inspected()) {
			model.addAttribute("record", operations.inspection(id, targetId, reader));
		}
		else if (!model.containsAttribute("form")) {
			model.addAttribute("form", FieldRecordForm.blank(clock.instant()));
		}
		model.addAttribute("o", operation);
		model.addAttribute("target", target);
		JointOperationView.Team team = operation.teams().stream().filter(t -> t.id() == (target.teamId() == null ? -1
				: target.teamId())).findFirst().orElse(null);
		model.addAttribute("team", team);
		model.addAttribute("ofTeam", team != null && team.members().stream()
			.anyMatch(m -> m.agencyCode().equals(reader.agencyCode())));
		model.addAttribute("outcomes", ItemOutcome.values());
		model.addAttribute("levels", HazardLevel.values());
		model.addAttribute("open", operation.state().name().equals("OPEN"));
		return "operations/field";
	}

	@PostMapping("/{id}/targets/{targetId}/record")
	@PreAuthorize(JointOperationApiController.INSPECTOR)
	String record(@AuthenticationPrincipal SignedInUser inspector, @PathVariable long id, @PathVariable long targetId,
			@ModelAttribute("form") FieldRecordForm form, Model model, RedirectAttributes redirect) {
		try {
			InspectionRecordView recorded = operations.recordInspection(id, targetId, valid(form.toInput()), inspector);
			redirect.addFlashAttribute("notice", "检查记录已保存，发现隐患 %d 项；可为隐患拍照上传".formatted(
					recorded.hazards().size()));
			return "redirect:/joint-operations/" + id + "/targets/" + targetId + "/record";
		}
		catch (DomainException refused) {
			model.addAttribute("problem", refused.shownOnPage().getMessage());
			form.fillRows();
			return field(inspector, id, targetId, model);
		}
	}

	@PostMapping("/{id}/targets/{targetId}/hazards/{hazardId}/photos")
	@PreAuthorize(JointOperationApiController.INSPECTOR)
	@RefusalShownOn("/joint-operations/{id}/targets/{targetId}/record")
	String attachPhoto(@AuthenticationPrincipal SignedInUser uploader, @PathVariable long id,
			@PathVariable long targetId, @PathVariable long hazardId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		visible(id, uploader);
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("empty-attachment", "请拍摄或选择照片");
		}
		operations.attachPhoto(id, hazardId, new PhotoUpload(file.getOriginalFilename(), file.getContentType(),
				file.getBytes()), uploader);
		redirect.addFlashAttribute("notice", "照片已上传");
		return "redirect:/joint-operations/" + id + "/targets/" + targetId + "/record";
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id,
			@PathVariable long photoId) {
		return operations.photo(id, photoId, reader).download();
	}

	/** X2 for operations, for showing the button: the city's detachment or legal office, or a county enforcer. */
	private boolean mayOrganise(SignedInUser user) {
		AgencyKind kind = agencies.find(user.agencyCode()).map(AgencySummary::kind).orElse(null);
		return (kind == AgencyKind.ENFORCEMENT_DETACHMENT && user.hasRole("DETACHMENT_OFFICER"))
				|| (kind == AgencyKind.LEGAL_OFFICE && user.hasRole("LEGAL_OFFICER"))
				|| (kind == AgencyKind.COUNTY_BUREAU && user.hasRole("ENFORCER"));
	}

	/** Another bureau's operation is not there (X2), whatever the form carries: checked before the form's fields. */
	private void visible(long id, SignedInUser user) {
		operations.find(id, user);
	}

	/** The form's input checked by its rules, refused with their Chinese messages as the page shows them. */
	private <T> T valid(T input) {
		Set<ConstraintViolation<T>> violations = validator.validate(input);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("invalid-input", violations.stream().map(ConstraintViolation::getMessage)
				.distinct().sorted().collect(Collectors.joining("；")));
		}
		return input;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
	}

	private static String cell(String[] cells, int index) {
		return index < cells.length ? cells[index] : "";
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static String join(java.util.stream.Stream<Integer> numbers) {
		return numbers.map(String::valueOf).collect(Collectors.joining("|"));
	}
}
